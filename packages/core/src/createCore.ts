import { CartbackError, describeValue } from './CartbackError.js';
import type { ResolvedConfig } from './config.js';
import { CONSENT_KEY, webStorage } from './webStorage.js';
import { createCart } from './createCart.js';
import { createEmitter } from './createEmitter.js';
import { createWriteBehind } from './createWriteBehind.js';
import type { ConsentState } from './events.js';
import { fallbackStorage } from './fallbackStorage.js';
import { loadRecord } from './loadRecord.js';
import { memoryStorage } from './memoryStorage.js';
import { CART_KEY, CART_VERSION, isCartRecord } from './records.js';
import { tabCopy } from './tabCopy.js';
import { validateItem } from './validateItem.js';
import type { CartSnapshot, CartState, ChangeSource, KeyValueStorage, Platform, Unsubscribe } from './types.js';

export const CHANNEL_NAME = 'cartback';

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
  let consent: ConsentState = config.requireConsent ? (webStorage(win, 'localStorage', CONSENT_KEY) ? 'granted' : 'unknown') : 'not_required';
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
  /** Caller mistakes: every bad call gets its own console error. */
  const reject = (error: unknown) => {
    emitter.emit('error', error);
    platform.console.error((error as Error).message);
  };

  const durable = fallbackStorage(platform.storage, (error) =>
    report(
      new CartbackError(
        'storage_unavailable',
        `IndexedDB is unavailable (${describeValue(String(error))}); the cart is kept in memory.`,
      ),
    ),
  );
  let storage: KeyValueStorage = consent == 'unknown' ? memoryStorage() : durable;
  const channel = platform.openChannel?.(CHANNEL_NAME);
  let loaded = false;

  const writer = createWriteBehind(async () => {
    channel?.postMessage({ type: 'cart', cart: cart.getState() });
    await storage.set(CART_KEY, { v: CART_VERSION, cart: cart.getState() });
  });
  let copying = false;
  const cart = createCart({
    currency: config.currency,
    newId: platform.uuid,
    now: platform.now,
    onChange() {
      writer.schedule();
      // The tab's copy is written before any navigation can start: in this task's microtasks.
      if (copying || storage != durable) return;
      copying = true;
      queueMicrotask(() => {
        copying = false;
        tabCopy(win, cart.getState());
      });
    },
    onError: reject,
  });
  channel?.addEventListener('message', ({ data }) => {
    const message = data as { type?: string; cart?: CartState } | null;
    if (message?.type == 'cart' && message.cart) cart.receive(message.cart);
  });

  // A coalesced write waiting for its interval goes out when the page hides: it may not
  // come back to run the timer.
  const flushNow = () => void writer.flush();
  win?.addEventListener('pagehide', flushNow);
  win?.document.addEventListener('visibilitychange', flushNow);

  const ready = loadRecord(storage, CART_KEY, CART_VERSION, isCartRecord, report).then((saved) => {
    const copy = storage == durable ? tabCopy(win) : undefined;
    const newer = copy && (!saved || copy.updatedAt > saved.cart.updatedAt);
    loaded = true;
    cart.hydrate(newer ? copy : saved?.cart);
    if (newer) writer.schedule(); // IndexedDB catches up with the tab's copy
    return writer.flush();
  });

  return {
    config,
    platform,
    emitter,
    report,
    reject,
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
      webStorage(win, 'localStorage', CONSENT_KEY, state == 'granted' ? state : null);
      if (state == 'denied') {
        storage = memoryStorage();
        tabCopy(win, null);
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
    /** Resolves when every change so far is in storage. */
    flush: () => ready.then(writer.flush),
    destroy() {
      win?.removeEventListener('pagehide', flushNow);
      win?.document.removeEventListener('visibilitychange', flushNow);
      channel?.close();
      emitter.clear();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
export type CartListener = (cart: CartSnapshot, source: ChangeSource) => void;
export type { Unsubscribe };
