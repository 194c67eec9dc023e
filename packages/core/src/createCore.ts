import { CartbackError, describeValue } from './CartbackError';
import type { ResolvedConfig } from './config';
import { readConsentFlag, writeConsentFlag } from './consentFlag';
import { createCart } from './createCart';
import { createEmitter } from './createEmitter';
import { createWriteBehind } from './createWriteBehind';
import { fallbackStorage } from './fallbackStorage';
import { memoryStorage } from './memoryStorage';
import { readRecord } from './readRecord';
import {
  CART_KEY,
  CART_VERSION,
  IDENTITY_KEY,
  IDENTITY_VERSION,
  isCartRecord,
  isIdentityRecord,
  isSessionRecord,
  SESSION_KEY,
  SESSION_VERSION,
  type IdentityRecord,
  type SessionRecord,
} from './records';
import type { ConsentState } from './events';
import type { CartSnapshot, CartState, ChangeSource, KeyValueStorage, Platform, Unsubscribe } from './types';

export const CHANNEL_NAME = 'cartback';

/**
 * Starts cartback's engine: the cart, its persistence and tab sync, identity, session and
 * consent. Nothing here touches a browser global; the environment comes in through `platform`.
 */
export function createCore(config: ResolvedConfig, platform: Platform) {
  const { now } = platform;
  const win = platform.window;
  // Global Privacy Control: no event leaves the browser and no identity is kept; the cart still works.
  const gpc = config.respectGlobalPrivacyControl && (win?.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true;
  // With `requireConsent`, nothing is stored until consent is granted: the cart lives in memory.
  let consent: ConsentState = config.requireConsent ? (readConsentFlag(win) ? 'granted' : 'unknown') : 'not_required';
  const emitter = createEmitter((e) => platform.console.error(e));
  const warned = new Set<string>();

  /** Background failures: never thrown; reported to `on('error')` and warned once per code. */
  const report = (error: unknown) => {
    const code = error instanceof CartbackError ? error.code : 'internal';
    emitter.emit('error', error);
    if (!warned.has(code)) {
      warned.add(code);
      platform.console.warn(error instanceof Error ? error.message : error);
    }
  };
  /** Caller mistakes: every bad call gets its own console error. */
  const reject = (error: unknown) => {
    emitter.emit('error', error);
    platform.console.error(error instanceof Error ? error.message : error);
  };

  const durable = fallbackStorage(platform.storage, (error) =>
    report(
      new CartbackError(
        'storage_unavailable',
        `IndexedDB is unavailable (${describeValue(String(error))}); the cart is kept in memory on this page only.`,
      ),
    ),
  );
  let storage: KeyValueStorage = consent === 'unknown' ? memoryStorage() : durable;

  let identity: IdentityRecord = { v: IDENTITY_VERSION, anonymousId: platform.uuid() };
  let session: SessionRecord = { v: SESSION_VERSION, id: platform.uuid(), startedAt: now(), lastActivity: now() };
  const dirty = new Set<string>();
  const channel = platform.openChannel?.(CHANNEL_NAME);
  let loaded = false;

  const records = (): Record<string, unknown> => ({
    [CART_KEY]: { v: CART_VERSION, cart: cart.getState() },
    [IDENTITY_KEY]: identity,
    [SESSION_KEY]: session,
  });
  const writer = createWriteBehind(async () => {
    const keys = [...dirty];
    dirty.clear();
    const values = records();
    if (keys.includes(CART_KEY)) channel?.postMessage({ type: 'cart', cart: cart.getState() });
    await Promise.all(keys.map((key) => storage.set(key, values[key])));
  });
  const save = (key: string) => {
    dirty.add(key);
    if (loaded) writer.schedule();
  };

  const cart = createCart({
    currency: config.currency,
    newId: platform.uuid,
    now,
    onChange: () => {
      session = { ...session, lastActivity: now() };
      save(CART_KEY);
      save(SESSION_KEY);
    },
    onError: reject,
  });

  channel?.addEventListener('message', ({ data }) => {
    const message = data as { type?: string; cart?: CartState } | null;
    if (message?.type === 'cart' && message.cart) cart.receive(message.cart);
  });

  /** Reads one record; a corrupt one is discarded with a warning. */
  const load = async <T,>(key: string, read: (raw: unknown) => T | undefined): Promise<T | undefined> => {
    try {
      return read(await storage.get(key));
    } catch (error) {
      report(error);
      await storage.del(key);
      return undefined;
    }
  };

  /** The session of the last visit, if it ended: timed out, or closed by an abandonment. */
  let endedSession: SessionRecord | undefined;

  const ready = (async () => {
    const [savedCart, savedIdentity, savedSession] = await Promise.all([
      load(CART_KEY, (raw) => readRecord(raw, CART_KEY, CART_VERSION, isCartRecord)?.cart),
      load(IDENTITY_KEY, (raw) => readRecord(raw, IDENTITY_KEY, IDENTITY_VERSION, isIdentityRecord)),
      load(SESSION_KEY, (raw) => readRecord(raw, SESSION_KEY, SESSION_VERSION, isSessionRecord)),
    ]);
    // Keep the saved anonymousId; traits from an `identify()` made before loading win.
    if (savedIdentity) {
      const { userId = savedIdentity.userId, traits } = identity;
      identity = { ...savedIdentity, userId, traits: traits ? { ...savedIdentity.traits, ...traits } : savedIdentity.traits };
    }
    dirty.add(IDENTITY_KEY);
    if (savedSession && !savedSession.abandonmentId && now() - savedSession.lastActivity < config.abandonAfter)
      session = savedSession;
    else endedSession = savedSession;
    session = { ...session, lastActivity: now() };
    dirty.add(SESSION_KEY);
    loaded = true;
    cart.hydrate(savedCart);
    writer.schedule();
    await writer.flush();
  })();

  return {
    config,
    platform,
    emitter,
    report,
    reject,
    cart,
    ready,
    getStorage: () => storage,
    isLoaded: () => loaded,
    getIdentity: () => identity,
    getSession: () => session,
    getEndedSession: () => endedSession,
    setIdentity(next: IdentityRecord) {
      identity = next;
      save(IDENTITY_KEY);
    },
    setSession(next: SessionRecord) {
      session = next;
      save(SESSION_KEY);
    },
    gpc,
    getConsent: () => consent,
    /** Granted: what was kept in memory moves to durable storage. Denied: what was stored is deleted. */
    async setConsent(state: 'granted' | 'denied') {
      consent = state;
      writeConsentFlag(win, state === 'granted');
      if (state === 'denied') {
        storage = memoryStorage();
        return durable.clear();
      }
      if (storage === durable) return;
      const kept = await storage.entries();
      storage = durable;
      await Promise.all(kept.map(([key, value]) => durable.set(key, value)));
      [CART_KEY, IDENTITY_KEY, SESSION_KEY].forEach(save);
      await writer.flush();
    },
    /** Resolves when every change so far is in storage. */
    flush: () => ready.then(writer.flush),
    destroy() {
      channel?.close();
      emitter.clear();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
export type CartListener = (cart: CartSnapshot, source: ChangeSource) => void;
export type { Unsubscribe };
