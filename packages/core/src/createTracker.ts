import { readConsentFlag, writeConsentFlag } from './consentFlag';
import type { Core } from './createCore';
import { createDelivery } from './createDelivery';
import { createOutbox } from './createOutbox';
import type { CartbackEvent, ConsentState, EventType } from './events';
import { VERSION } from './version';
import { watchPage, type LeaveReason } from './watchPage';
import { withFlushLock } from './withFlushLock';

/** Snapshots of a burst of cart changes are coalesced into one `cart_updated` this long after the last. */
const CART_UPDATED_DELAY = 1000;

/**
 * Events: builds them, keeps them in the durable outbox, delivers them, and watches the page
 * for the shopper leaving (`cart_abandoned`) and coming back (`cart_returned`).
 * `win` is the page's window; without one (tests, servers) nothing is watched or sent.
 */
export function createTracker(core: Core, win?: Window) {
  const { config, platform, cart, emitter, report } = core;
  const nav = win?.navigator;
  // Global Privacy Control: no event leaves the browser, and no identity is kept.
  const gpc = config.respectGlobalPrivacyControl && (nav as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true;
  let consent: ConsentState = config.requireConsent ? (readConsentFlag(win) ? 'granted' : 'unknown') : 'not_required';
  const outbox = createOutbox(core.getStorage, platform.now, report);

  const delivery =
    config.endpoint && win && !gpc
      ? createDelivery({
          endpoint: config.endpoint,
          outbox,
          fetch: (...args) => win.fetch(...args),
          sendBeacon: nav!.sendBeacon && ((url, body) => nav!.sendBeacon(url, body)),
          isOnline: () => nav!.onLine !== false,
          onOnline: (fn) => {
            win.addEventListener('online', fn);
            return () => win.removeEventListener('online', fn);
          },
          withLock: withFlushLock(win, platform.uuid()),
          now: platform.now,
          random: Math.random,
          report,
        })
      : undefined;
  const mayStore = () => !gpc && consent !== 'denied';
  const maySend = () => mayStore() && consent !== 'unknown';

  const track = (type: EventType, props: Record<string, unknown> = {}): CartbackEvent => {
    const { anonymousId, userId, traits } = core.getIdentity();
    const event: CartbackEvent = {
      id: platform.uuid(),
      type,
      time: new Date(platform.now()).toISOString(),
      anonymousId,
      sessionId: core.getSession().id,
      page: platform.page?.() ?? { url: '', path: '', title: '', referrer: '' },
      context: { library: { name: 'cartback', version: VERSION }, locale: config.locale, consent },
      ...(userId && { userId }),
      ...(traits && { traits }),
      cart: cart.getSnapshot(),
      ...props,
    };
    emitter.emit(type, event);
    if (mayStore()) {
      void outbox.add(event);
      if (maySend()) delivery?.schedule();
    }
    return event;
  };

  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  const sendCartUpdate = () => {
    if (updateTimer === undefined) return;
    clearTimeout(updateTimer);
    updateTimer = undefined;
    track('cart_updated');
  };
  const unsubscribeCart = cart.subscribe((_, source) => {
    if (source !== 'local') return; // the tab that made a change reports it
    clearTimeout(updateTimer);
    updateTimer = setTimeout(sendCartUpdate, CART_UPDATED_DELAY);
  });

  const leave = (reason: LeaveReason) => {
    const { id, version, items } = cart.getState();
    const abandonmentId = `${id}:${version}`;
    const session = core.getSession();
    if (!items.length || session.abandonmentId === abandonmentId) return;
    sendCartUpdate();
    core.setSession({ ...session, abandonmentId });
    track('cart_abandoned', { abandonmentId, reason });
  };
  /** A new session: the shopper is back after leaving with a cart. */
  const returned = (abandonmentId: string | undefined) => {
    core.setSession({ v: 1, id: platform.uuid(), startedAt: platform.now(), lastActivity: platform.now() });
    if (cart.getState().items.length) track('cart_returned', abandonmentId ? { abandonmentId } : {});
  };

  const stopWatching =
    win &&
    watchPage(win, {
      abandonAfter: config.abandonAfter,
      onHide: () => {
        sendCartUpdate();
        if (maySend()) delivery?.beacon();
      },
      onLeave: leave,
      onShow: () => {
        const { abandonmentId } = core.getSession();
        if (abandonmentId) returned(abandonmentId);
      },
    });

  void core.ready.then(() => {
    const ended = core.getEndedSession();
    if (ended) returned(ended.abandonmentId);
    if (maySend()) delivery?.schedule(0); // what earlier pages left in the outbox
  });

  return {
    track,
    /** Identity is kept only where events may be stored: not under Global Privacy Control. */
    mayIdentify: mayStore,
    async setConsent(state: 'granted' | 'denied') {
      consent = state;
      writeConsentFlag(win, state === 'granted');
      if (state === 'granted') {
        await core.persist();
        delivery?.schedule(0);
      } else {
        outbox.reset();
        await core.forget();
      }
    },
    /** Sends what is pending now (tests, and pages about to navigate by script). */
    flush: () => delivery?.flush(),
    destroy() {
      clearTimeout(updateTimer);
      unsubscribeCart();
      stopWatching?.();
      delivery?.destroy();
    },
  };
}

export type Tracker = ReturnType<typeof createTracker>;
