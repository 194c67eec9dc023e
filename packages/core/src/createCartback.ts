import { CartbackError, describeValue } from './CartbackError.js';
import type { ResolvedConfig } from './config.js';
import { createCore, type CartListener } from './createCore.js';
import { createDraft } from './createDraft.js';
import { detectPlatform } from './detectPlatform.js';
import type { EventType } from './events.js';
import type { Tracker } from './tracking.js';
import { EVENT_PREFIX } from './records.js';
import { RULES } from './validateItem.js';
import { HANDOFF_KEY, webStorage } from './webStorage.js';
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

/** Builds the runtime API over a new engine; with `tracking` false no event is ever made (inert). */
export function createCartback(config: ResolvedConfig, platform: Platform, tracking = true) {
  const core = createCore(config, platform);
  const { cart } = core;

  // Events are a lazy chunk, started once there is something to track: a cart (perhaps
  // one the shopper left with), events left by an earlier page, an event call, or a landing
  // through a widget or recovery link (`cb_source` / `cb_recover`, see readTouchpointParams).
  let tracker: Promise<Tracker | undefined> | undefined;
  const startTracking = () =>
    (tracker ??= tracking
      ? import('./tracking.js').then(
          ({ createTracker }) => createTracker(core),
          (error): undefined => {
            tracker = undefined;
            core.report(new CartbackError('chunk_failed', `tracking did not load (${error})`));
          },
        )
      : Promise.resolve(undefined));
  const track = (type: EventType, props?: Record<string, unknown>) => {
    const draft = createDraft(core, type, props);
    void startTracking().then((t) => t?.send(draft));
  };
  // A saved cart starts it too: loading one with items is a change (source 'storage').
  cart.subscribe((snapshot) => snapshot.items.length && startTracking());

  // The adapter starts once the saved cart is loaded.
  const win = platform.window;
  let adapter: Promise<(() => void) | void> | undefined;
  let loaded = false;
  void core.ready.then(async () => {
    loaded = true;
    const name = config.platform ?? detectPlatform(win);
    if (name && win && tracking)
      adapter = import('./startPlatformAdapter.js')
        .then(({ startPlatformAdapter }) => startPlatformAdapter(name, api, win))
        .catch((error) => core.report(new CartbackError('chunk_failed', `the ${name} adapter did not load (${error})`)));
    if (
      /cb_/.test(win?.location.search!) ||
      webStorage(win, 'localStorage', HANDOFF_KEY) ||
      (await core.getStorage().entries()).some(([key]) => key.startsWith(EVENT_PREFIX))
    )
      startTracking();
  });

  const api: CartbackApi & { core: typeof core; tracking: typeof startTracking; track: typeof track } = {
    core,
    /** The tracking chunk, started on demand (for tests, the widget and headless integrations). */
    tracking: startTracking,
    /** Sends an event of any type: the widget's events come this way. */
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
    identify(traits) {
      void startTracking().then((t) => t?.identify(traits));
    },
    checkoutStarted() {
      track('checkout_started');
    },
    purchase(order) {
      const id = (order as Order | null)?.orderId;
      if (!RULES.id![0](id)) {
        core.reject(new CartbackError('invalid_order', `purchase: order.orderId must be ${RULES.id![1]} (got ${describeValue(id)}).`));
        return false;
      }
      // The tracker adds `attribution`: the touchpoints are in its session record. Called
      // before the saved cart is loaded (a thank-you page's queued call), it waits for it, so
      // that the event carries the cart that was bought.
      const buy = () => {
        track('order_completed', { order: { ...order, orderId: String(id) } });
        cart.reset();
      };
      loaded ? buy() : void core.ready.then(buy);
      return true;
    },
    async consent(state) {
      if (state === 'granted' || state === 'denied') {
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
      void adapter?.then((stop) => stop?.());
      void tracker?.then((t) => t?.destroy());
      core.destroy();
    },
  };
  return api;
}

/** What `createCartback` returns: the API plus the engine, for the widget and tests. */
export type Cartback = ReturnType<typeof createCartback>;
