import { CartbackError } from './CartbackError.js';
import type { ResolvedConfig } from '../config/config.js';
import { CONSENT_KEY, webStorage } from '../storage/webStorage.js';
import { createCart } from '../cart/createCart.js';
import { createEmitter } from './createEmitter.js';
import { createChunkLoader } from './createChunkLoader.js';
import { postOnce, type TabChannel } from './createTabChannel.js';
import type { TabSyncHost } from '../idle/startTabSync.js';
import { createWriteBehind } from '../storage/createWriteBehind.js';
import type { ConsentState } from '../events.js';
import { fallbackStorage } from '../storage/fallbackStorage.js';
import { loadRecord } from '../storage/loadRecord.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import { CART_KEY, CART_VERSION, isCartRecord } from '../storage/records.js';
import { tabCopy } from '../storage/tabCopy.js';
import { validateItem } from '../cart/validateItem.js';
import type { CartSnapshot, CartState, ChangeSource, KeyValueStorage, Platform, Unsubscribe } from '../types.js';
import { loadWording } from './loadWording.js';

export { CHANNEL_NAME } from './createTabChannel.js';

/**
 * Starts cartback's engine: the cart, its persistence and tab sync, consent, and error
 * reporting. Nothing here touches a browser global; the environment comes in through
 * `platform`. Everything about events (identity, sessions, the outbox) is the tracking chunk.
 */
export function createCore(config: ResolvedConfig, platform: Platform) {
  const win = platform.window;
  // Global Privacy Control: no event leaves the browser and no identity is kept; the cart still works.
  const gpc = config.respectGlobalPrivacyControl && (win?.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true;
  // With `requireConsent`, nothing is stored until consent is granted: the cart lives in memory.
  // A grant is remembered in localStorage, read synchronously, so IndexedDB is not even opened before.
  let consent: ConsentState = config.requireConsent ? (webStorage(win, 'localStorage').read(CONSENT_KEY) ? 'granted' : 'unknown') : 'not_required';
  const emitter = createEmitter((e) => platform.console.error(e));
  const warned = new Set<string>();

  /** Background failures: never thrown; reported to `on('error')` and warned once per code. */
  const report = (error: unknown) => {
    const code = (error as CartbackError).code ?? 'internal';
    emitter.emit('error', error);
    if (!warned.has(code)) {
      warned.add(code);
      platform.console.warn((error as Error).message ?? error);
    }
  };
  /** A background failure of a lazy file's (which need not carry the error class). */
  const fail = (code: string, message: string) => report(new CartbackError(code, message));
  /**
   * Caller mistakes: every bad call gets its own console error. A cart mistake comes with its
   * facts only: it is announced once the lazy diagnostics file has worded it (or, if that file
   * cannot load, with its short message).
   */
  const reject = (error: unknown) => {
    const announce = () => {
      emitter.emit('error', error);
      platform.console.error((error as Error).message);
    };
    if ((error as CartbackError).problem) void loadWording(error).then(announce);
    else announce();
  };

  const durable = fallbackStorage(platform.storage, report);
  const copy = tabCopy(win);
  let storage: KeyValueStorage = consent == 'unknown' ? memoryStorage() : durable;
  let loaded = false;

  /** The newest cart stored: IndexedDB's, or this tab's copy when it is newer (a write cut off by a navigation). */
  const loadSaved = async () => {
    const saved = (await loadRecord(storage, CART_KEY, CART_VERSION, isCartRecord, report))?.cart;
    const copied = storage == durable ? copy.read() : undefined;
    return copied && (!saved || copied.updatedAt > saved.updatedAt) ? { cart: copied, newer: true } : { cart: saved };
  };
  // Tab sync is part of the lazy idle file (see startTabSync); until it is there, this tab's
  // changes go out on a channel of their own.
  let tabs: TabChannel | undefined;
  const post = (message: object) => (tabs ? tabs.post(message) : postOnce(platform, message));
  const writer = createWriteBehind(async () => {
    const state = cart.getState();
    post({ type: 'cart', cart: state });
    await storage.set(CART_KEY, { v: CART_VERSION, cart: state });
  });
  const cart = createCart({
    currency: config.currency,
    newId: platform.uuid,
    now: platform.now,
    onChange: writer.schedule,
    onError: reject,
  });

  const tabListeners = new Set<(data: unknown) => void>();
  const tabSync: TabSyncHost = {
    platform,
    isCart: (remote): remote is CartState => isCartRecord({ v: CART_VERSION, cart: remote }),
    getCart: cart.getState,
    adopt: cart.adopt,
    loadSaved,
    fail,
    connect: (channel) => void (tabs = channel),
    hear: (data) => tabListeners.forEach((fn) => fn(data)),
  };

  // When the page hides (or shows), a coalesced write waiting for its interval goes out: the
  // page may not come back to run the timer. And the tab's copy is written, synchronously, if
  // the cart changed since it was loaded or last copied: the IndexedDB write in flight may be
  // cut off by the navigation. Only then, not with each write: each copy serialises the cart.
  let copied: CartState | undefined;
  const flushNow = () => {
    const state = cart.getState();
    if (loaded && storage == durable && state !== copied) copy.write((copied = state));
    void writer.flush();
  };
  win?.addEventListener('pagehide', flushNow);
  win?.document.addEventListener('visibilitychange', flushNow);

  // The saved cart is read in a task of its own, so that the script's evaluation stays a short
  // task on a slow phone; changes made before it is loaded are replayed on it (createCart).
  const ready = new Promise<void>((next) => (win ? setTimeout(next) : next())).then(loadSaved).then((saved) => {
    loaded = true;
    cart.hydrate(saved.cart);
    copied = saved.cart; // stored already; changes made before it was loaded are not
    if (saved.newer) writer.schedule(); // IndexedDB catches up with the tab's copy
    return writer.flush();
  });

  return {
    config,
    platform,
    emitter,
    report,
    fail,
    reject,
    /** A lazy file's loader, reporting and retrying a failed load (see createChunkLoader); lazy files use this one. */
    createLoader: <T,>(what: string, load: () => Promise<T>) => createChunkLoader(what, load, report, win),
    cart,
    /** For the lazy platform adapters, which check a platform's items before they change the cart. */
    validateItem: (item: unknown, call: string) => validateItem(item, config.currency, call),
    ready,
    gpc,
    getStorage: () => storage,
    getConsent: () => consent,
    /** Granted: what was kept in memory moves to durable storage. Denied: what was stored is deleted. */
    async setConsent(state: 'granted' | 'denied') {
      consent = state;
      const local = webStorage(win, 'localStorage');
      if (state == 'granted') local.write(CONSENT_KEY, state);
      else local.remove(CONSENT_KEY);
      if (state == 'denied') {
        storage = memoryStorage();
        copy.remove();
        await Promise.all((await durable.entries()).map(([key]) => durable.del(key)));
        return;
      }
      if (storage == durable) return;
      const kept = await storage.entries();
      storage = durable;
      await Promise.all(kept.map(([key, value]) => durable.set(key, value)));
      if (loaded) writer.schedule();
      await writer.flush();
    },
    /** For the idle file: the store's other tabs' side of the cart. */
    tabSync,
    /** A message to the store's other tabs (the tracker's `left`). */
    post,
    /** Messages from the other tabs that are not carts; returns an unsubscribe. */
    onTabMessage(fn: (data: unknown) => void): Unsubscribe {
      tabListeners.add(fn);
      return () => void tabListeners.delete(fn);
    },
    /** Resolves when every change so far is in storage. */
    flush: () => ready.then(writer.flush),
    destroy() {
      win?.removeEventListener('pagehide', flushNow);
      win?.document.removeEventListener('visibilitychange', flushNow);
      tabs?.destroy();
      emitter.clear();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
export type CartListener = (cart: CartSnapshot, source: ChangeSource) => void;
export type { Unsubscribe };
