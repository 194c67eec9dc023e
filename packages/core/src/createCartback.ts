import { CartbackError, describeValue } from './CartbackError.js';
import type { ResolvedConfig } from './config.js';
import { createCore, type CartListener } from './createCore.js';
import { createDraft, type EventDraft } from './createDraft.js';
import { handOverDrafts } from './handOver.js';
import { detectPlatform } from './detectPlatform.js';
import type { EventType } from './events.js';
import type { Tracker } from './tracking.js';
import { DRAFT_PREFIX, EVENT_PREFIX } from './records.js';
import { RULES } from './validateItem.js';
import { DRAFTS_KEY, HANDOFF_KEY, webStorage } from './webStorage.js';
import type { CartItem, Platform, Unsubscribe } from './types.js';

export interface Order {
  orderId: string | number;
  value?: number;
  currency?: string;
}

export type Traits = Record<string, string | number | boolean | null | undefined> & {
  email?: string;
  phone?: string;
  customerId?: string;
  firstName?: string;
};

/** The runtime API: `window.cartback` after load, and what `init()` returns. */
export interface CartbackApi {
  cart: {
    add(item: unknown): boolean;
    update(id: string | number, patch: unknown, variant?: string): boolean;
    remove(id: string | number, variant?: string): boolean;
    set(items: unknown[]): boolean;
    clear(): boolean;
    readonly items: CartItem[];
    readonly value: number;
    readonly count: number;
    readonly currency: string;
    readonly id: string;
    subscribe(fn: CartListener): Unsubscribe;
  };
  /** Checked and kept once the tracking chunk is there: a mistake is reported then. */
  identify(traits: Traits): void;
  checkoutStarted(): void;
  purchase(order: Order): boolean;
  consent(state: 'granted' | 'denied'): Promise<void>;
  /** Sends pending events now, instead of at the next batch. */
  flush(): Promise<void>;
  on(type: string, fn: (payload: any) => void): Unsubscribe;
  /** Resolves to this same object. */
  ready: Promise<this>;
  destroy(): void;
}

/** A chunk that did not load is tried again after this long, doubling up to RETRY_MAX (and when back online). */
const RETRY_FIRST = 2000;
const RETRY_MAX = 60_000;

/** Values from the store's code become plain data (no functions, proxies or cycles); undefined if they cannot. */
function toPlainData(value: unknown): any {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null');
  } catch {}
}

/** Builds the runtime API over a new engine; with `tracking` false no event is ever made (inert). */
export function createCartback(config: ResolvedConfig, platform: Platform, tracking = true) {
  const core = createCore(config, platform);
  const { cart, report } = core;
  const win = platform.window;
  let loaded = false;

  // Events are a lazy chunk, started once there is something to track: a cart (perhaps
  // one the shopper left with), events left by an earlier page, an event call, or a landing
  // through a widget or recovery link (`cb_source` / `cb_recover`, see readTouchpointParams).
  // A chunk that fails to load (offline, a flaky network) is tried again.
  let tracker: Promise<Tracker | undefined> | undefined;
  let retryIn = RETRY_FIRST;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failed = false;
  const startTracking = (): Promise<Tracker | undefined> =>
    (tracker ??= tracking
      ? import('./tracking.js').then(
          ({ createTracker }) => createTracker(core),
          (error): undefined => {
            tracker = undefined;
            failed = true;
            report(new CartbackError('chunk_failed', `tracking did not load (${error}); trying again`));
            retryTimer = setTimeout(startTracking, retryIn);
            retryIn = Math.min(retryIn * 2, RETRY_MAX);
          },
        )
      : Promise.resolve(undefined));
  const retryOnline = () => failed && startTracking();
  win?.addEventListener('online', retryOnline);

  // Every event is drafted here, in the always-loaded engine, and kept until the tracking
  // chunk has it in the outbox: in storage (`draft:<id>`), and in the hand-over when the page
  // goes away. Whenever the chunk comes, on this page or a later one, it takes them all.
  const drafts = new Map<string, EventDraft>();
  const mayKeep = () => !core.gpc && core.getConsent() != 'denied';
  const track = (type: EventType, props?: Record<string, unknown>) => {
    const draft = createDraft(core, type, props);
    const early = !loaded;
    drafts.set(draft.id, draft);
    void core.ready
      .then(() => {
        // Drafted before the saved cart was loaded (the stub queue, a call at start-up): the
        // event is about the shopper's cart, not the empty one of the first milliseconds.
        if (early) draft.cart = cart.getSnapshot();
        if (mayKeep()) core.getStorage().set(DRAFT_PREFIX + draft.id, draft).catch(report);
        return startTracking();
      })
      .then((t) => t?.send(draft).then(() => drafts.delete(draft.id)));
  };
  const keepDrafts = () => mayKeep() && core.getConsent() != 'unknown' && handOverDrafts(win, [...drafts.values()]);
  win?.addEventListener('pagehide', keepDrafts);

  // A saved cart starts it too: loading one with items is a change (source 'storage').
  cart.subscribe((snapshot) => snapshot.items.length && startTracking());

  // The adapter starts once the saved cart is loaded.
  let adapter: Promise<(() => void) | void> | undefined;
  void core.ready.then(async () => {
    loaded = true;
    const name = config.platform ?? detectPlatform(win);
    if (name && win && tracking)
      adapter = import('./startPlatformAdapter.js')
        .then(({ startPlatformAdapter }) => startPlatformAdapter(name, api, win))
        .catch((error) => report(new CartbackError('chunk_failed', `the ${name} adapter did not load (${error})`)));
    if (
      /cb_/.test(win?.location.search!) ||
      webStorage(win, 'localStorage', HANDOFF_KEY) ||
      webStorage(win, 'localStorage', DRAFTS_KEY) ||
      (await core.getStorage().entries()).some(([key]) => key.startsWith(EVENT_PREFIX) || key.startsWith(DRAFT_PREFIX))
    )
      startTracking();
  });

  const api: CartbackApi & { core: typeof core; tracking: typeof startTracking; track: typeof track } = {
    core,
    /** The tracking chunk, started on demand (for tests, the widget and headless integrations). */
    tracking: startTracking,
    /** Makes an event of any type: the widget's events come this way. */
    track,
    cart: {
      add: cart.add,
      update: cart.update,
      remove: cart.remove,
      set: cart.set,
      clear: cart.clear,
      get items() {
        return cart.getSnapshot().items;
      },
      get value() {
        return cart.getSnapshot().value;
      },
      get count() {
        return cart.getSnapshot().count;
      },
      get currency() {
        return config.currency;
      },
      get id() {
        return cart.getState().id;
      },
      subscribe: cart.subscribe,
    },
    // Checked by the tracking chunk, where the wording is.
    identify(traits) {
      track('identified', { traits: toPlainData(traits) });
    },
    checkoutStarted() {
      track('checkout_started');
    },
    purchase(order) {
      const id = (order as Order | null)?.orderId;
      const plain = toPlainData(order);
      if (!RULES.id![0](id) || plain === undefined) {
        const problem = RULES.id![0](id) ? 'order must be plain data (it has a cycle)' : `order.orderId must be ${RULES.id![1]} (got ${describeValue(id)})`;
        core.reject(new CartbackError('invalid_order', `purchase: ${problem}.`));
        return false;
      }
      // The tracker adds `attribution`: the touchpoints are in its session record. The event
      // carries the cart that was bought; the cart is emptied after (once loaded).
      track('order_completed', { order: { ...plain, orderId: String(id) } });
      loaded ? cart.reset() : void core.ready.then(() => cart.reset());
      return true;
    },
    async consent(state) {
      if (state === 'granted' || state === 'denied') {
        if (state == 'denied') drafts.clear();
        await core.setConsent(state);
        return void (await tracker)?.onConsent(state === 'granted');
      }
      core.reject(
        new CartbackError('invalid_consent', `consent: state must be "granted" or "denied" (got ${describeValue(state)}).`),
      );
    },
    flush: async () => {
      await core.flush();
      await (await tracker)?.flush();
    },
    on: core.emitter.on,
    ready: core.ready.then(() => api),
    destroy() {
      tracking = false; // nothing starts after this: no adapter, no tracking chunk
      clearTimeout(retryTimer);
      win?.removeEventListener('online', retryOnline);
      win?.removeEventListener('pagehide', keepDrafts);
      void adapter?.then((stop) => stop?.());
      void tracker?.then((t) => t?.destroy());
      core.destroy();
    },
  };
  return api;
}

/** What `createCartback` returns: the API plus the engine, for the widget, the adapters and tests. */
export type Cartback = ReturnType<typeof createCartback>;
