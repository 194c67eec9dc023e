import type { ResolvedConfig } from '../config/config.js';
import { createCore } from './createCore.js';
import { createDraft, type EventDraft } from './createDraft.js';
import { handOverDrafts } from './handOver.js';
import type { EventType } from '../events.js';
import type { Tracker } from '../tracking/createTracker.js';
import type { Cartback, EngineOptions } from './engine.js';
import { DRAFT_PREFIX } from '../storage/records.js';
import { isItemId, itemError } from '../cart/validateItem.js';
import type { CartbackApi, Order } from './CartbackApi.js';
import type { Platform } from '../types.js';

/** Values from the store's code become plain data (no functions, proxies or cycles); undefined if they cannot. */
function toPlainData(value: unknown): any {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null');
  } catch {}
}

/**
 * Starts an engine and builds the public API over it; with `tracking` false no event is ever
 * made (inert). The engine's parts beside the API are for the widget, the adapters and tests.
 */
export function createEngine(config: ResolvedConfig, platform: Platform, { tracking = true, idle: loadIdleWork }: EngineOptions = {}): Cartback {
  const core = createCore(config, platform);
  const { cart } = core;
  const win = platform.window;
  let loaded = false;

  // Events are a lazy chunk, started once there is something to track: a cart (perhaps
  // one the shopper left with), events left by an earlier page, an event call, or a landing
  // through a widget or recovery link (`cb_source` / `cb_recover`, see readTouchpointParams).
  const trackerFile = core.createLoader(
    'tracking',
    async (): Promise<Tracker | undefined> => (tracking ? (await import('../tracking/createTracker.js')).createTracker(core) : undefined),
  );
  const startTracking = trackerFile.load;

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
        // A refused write is reported by the storage itself; the draft is still in memory.
        if (mayKeep()) core.getStorage().set(DRAFT_PREFIX + draft.id, draft).catch(() => {});
        return startTracking();
      })
      .then((t) => t?.send(draft).then(() => drafts.delete(draft.id)));
  };
  const page = platform.uuid();
  const keepDrafts = () => mayKeep() && core.getConsent() != 'unknown' && handOverDrafts(win, page, [...drafts.values()]);
  win?.addEventListener('pagehide', keepDrafts);

  // A saved cart starts it too: loading one with items is a change (source 'storage').
  cart.subscribe(() => cart.getState().items.length && startTracking());

  // The background work of every page (other tabs, the platform adapter, events left to send)
  // is a lazy file, started at the first idle moment once the saved cart is loaded.
  const idle = core.createLoader('idle work', async () => (await loadIdleWork!())(engine, win!));
  void core.ready.then(() => {
    loaded = true;
    if (win && tracking && loadIdleWork) (win.requestIdleCallback ?? setTimeout)(() => tracking && idle.load());
  });

  // The public object: the documented members, listed one by one. The engine behind them
  // (core, the tracker) is not reachable from it, so neither a stub-queue entry
  // (`['core.cart.reset']`) nor a store's script can skip the checks at the API.
  const api: CartbackApi = {
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
      // Plain data first: an order with a cycle has nothing to send.
      const plain = toPlainData(order) as Order | undefined;
      const id = plain?.orderId;
      if (!isItemId(id)) {
        // Worded by the diagnostics file, as cart mistakes are (wordError).
        core.reject(itemError('invalid_order', { call: 'purchase', field: 'orderId', value: (order as Order | null)?.orderId }));
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
        return void (await trackerFile.current())?.onConsent(state === 'granted');
      }
      core.reject(itemError('invalid_consent', { call: 'consent', value: state }));
    },
    flush: async () => {
      await core.flush();
      await (await trackerFile.current())?.flush();
    },
    on: core.emitter.on,
    ready: core.ready.then(() => api),
    destroy() {
      tracking = false; // nothing starts after this: no adapter, no tracking chunk
      trackerFile.stop();
      idle.stop();
      win?.removeEventListener('pagehide', keepDrafts);
      void idle.current()?.then((stop) => stop?.());
      void trackerFile.current()?.then((t) => t?.destroy());
      core.destroy();
    },
  };
  const engine = {
    api,
    core,
    /** What a platform adapter sets where the store's config says nothing (Shopify's cart permalink as `restoreUrl`). */
    platformDefaults: {} as { restoreUrl?: string },
    /** The tracking chunk, started on demand (for tests, the widget and headless integrations). */
    tracking: startTracking,
    /** Makes an event of any type: the widget's events come this way. */
    track,
  };
  return engine;
}
