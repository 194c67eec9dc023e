import { CartbackError, describeValue } from './CartbackError.js';
import type { Core } from './createCore.js';
import type { Traits } from './createCartback.js';
import { createDelivery } from './createDelivery.js';
import { createDraft, type EventDraft } from './createDraft.js';
import { createOutbox } from './createOutbox.js';
import { createVisitor } from './createVisitor.js';
import type { CartbackEvent, EventType, PageInfo } from './events.js';
import { getAttribution, type Touchpoint } from './getAttribution.js';
import { handOver, takeHandOver } from './handOver.js';
import { readTouchpointParams } from './readTouchpointParams.js';
import { sendBeacons } from './sendBeacons.js';
import { VERSION } from './version.js';
import { watchPage, type LeaveReason } from './watchPage.js';
import { withFlushLock } from './withFlushLock.js';

/** Snapshots of a burst of cart changes are coalesced into one `cart_updated` this long after the last. */
const CART_UPDATED_DELAY = 1000;

/**
 * Events: completes them, keeps them in the durable outbox, delivers them, and watches the
 * page for the shopper leaving (`cart_abandoned`) and coming back (`cart_returned`).
 * Without a window (tests, servers) nothing is watched or sent.
 */
export function createTracker(core: Core) {
  const { config, platform, cart, emitter, report } = core;
  const win = platform.window;
  const nav = win?.navigator;
  const outbox = createOutbox(core.getStorage, platform.now, report);
  const visitor = createVisitor(core);
  const mayStore = () => !core.gpc && core.getConsent() !== 'denied';
  const maySend = () => mayStore() && core.getConsent() !== 'unknown';
  /** The page the shopper came back on: the first of a session after leaving with the cart. */
  let comeback = false;

  // A landing through a widget or recovery link: its parameters leave the address bar at once
  // (a reload, a bookmark or a shared link must not count again); the touchpoint is kept below.
  const landing = readTouchpointParams(win?.location.href ?? '');
  if (win && landing.href != win.location.href)
    try {
      win.history.replaceState(win.history.state, '', landing.href);
    } catch {}
  const addTouchpoint = (name: Touchpoint) =>
    visitor.setSession({ touchpoints: { ...visitor.getSession().touchpoints, [name]: platform.now() } });

  const delivery =
    win && config.endpoint && !core.gpc
      ? createDelivery({
          endpoint: config.endpoint,
          outbox,
          fetch: (...args) => win.fetch(...args),
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

  /** Completes a draft with who it is about, once the saved identity is loaded. */
  const send = ({ id, type, time, page, cart: snapshot, props }: EventDraft): void => {
    const { anonymousId, userId, traits } = visitor.getIdentity();
    // Filled here, not where purchase() drafts it: the touchpoints live in the session record.
    if (type == 'order_completed') props = { ...props, attribution: getAttribution(visitor.getSession().touchpoints, Date.parse(time)) };
    const event: CartbackEvent = {
      id,
      type,
      time,
      anonymousId,
      sessionId: visitor.getSession().id,
      page: page ?? { url: '', path: '', title: '', referrer: '' },
      context: { library: { name: 'cartback', version: VERSION }, locale: config.locale, consent: core.getConsent() },
      ...(userId && { userId }),
      ...(traits && { traits }),
      cart: snapshot,
      ...props,
    };
    if (type == 'order_completed') visitor.setSession({ converted: true, touchpoints: undefined });
    // A click on the widget's checkout link (`exit_intent_clicked`, `banner_clicked`) is its
    // touchpoint, even if the page it leads to has no cartback to read the link's marker.
    if (type.endsWith('_clicked')) addTouchpoint(type.slice(0, -8) as Touchpoint);
    emitter.emit(type, event);
    if (config.debug) platform.console.info(`[cartback] ${type}`, event);
    if (!mayStore()) return;
    void outbox.add(event);
    if (maySend()) delivery?.schedule();
  };
  const track = (type: EventType, props?: Record<string, unknown>) => send(createDraft(core, type, props));

  // `reported` remembers the last cart version sent, so a page load does not repeat it.
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  // The page of the last change: a single-page app may be on another route by the report.
  let changedOn: PageInfo | undefined;
  const reportCart = () => {
    clearTimeout(updateTimer);
    updateTimer = undefined;
    const { id, version } = cart.getState();
    // Version 0 is a cart nobody has touched yet (a new one after a purchase).
    if (!version || visitor.getSession().reported == `${id}:${version}`) return;
    visitor.setSession({ reported: `${id}:${version}` });
    const draft = createDraft(core, 'cart_updated');
    send({ ...draft, page: changedOn ?? draft.page });
  };
  const scheduleReport = () => {
    clearTimeout(updateTimer);
    updateTimer = setTimeout(reportCart, CART_UPDATED_DELAY);
  };
  const reportPending = () => updateTimer && reportCart();
  // The tab that made a change reports it; the others only show it (a change from another
  // tab supersedes what this one had pending, and that tab reports it).
  const unsubscribeCart = cart.subscribe((_, source) => {
    if (source == 'remote') clearTimeout(updateTimer), (updateTimer = undefined);
    if (source != 'local') return;
    changedOn = platform.page?.();
    visitor.touch();
    scheduleReport();
  });

  const leave = (reason: LeaveReason) => {
    const { id, version, items } = cart.getState();
    const abandonmentId = `${id}:${version}`;
    if (!items.length || visitor.getSession().abandonmentId == abandonmentId) return;
    reportPending();
    visitor.setSession({ abandonmentId });
    track('cart_abandoned', { abandonmentId, reason });
  };
  /** The shopper is back after leaving with a cart: a new session. */
  const returned = ({ abandonmentId }: { abandonmentId?: string }) => {
    if (cart.getState().items.length) (comeback = true), track('cart_returned', abandonmentId ? { abandonmentId } : {});
  };

  // Watching starts once the visitor is loaded, so no event goes out under a throwaway id.
  const watch = () =>
    win &&
    watchPage(win, {
      abandonAfter: config.abandonAfter,
      onHide: (final) => {
        reportPending();
        void visitor.flush();
        // A closing page's IndexedDB writes may be cut off: what matters goes to the next
        // page through localStorage too. Not before consent: until then nothing is stored.
        if (final && maySend()) handOver(win, { events: outbox.unsent(), abandonmentId: visitor.getSession().abandonmentId });
        if (maySend() && delivery && 'sendBeacon' in nav! && nav!.onLine !== false) {
          sendBeacons(config.endpoint!, outbox.unsent(), (url, body) => nav!.sendBeacon(url, body), platform.now());
          // Handed over once: `visibilitychange` and `pagehide` both come on the way out.
          outbox.clearUnsent();
        }
      },
      onLeave: leave,
      onShow: () => {
        if (visitor.getSession().abandonmentId) returned(visitor.restart());
      },
    });

  let stopWatching: (() => void) | undefined;
  let destroyed = false;
  const started = visitor.ready.then(async () => {
    if (destroyed) return;
    const { events, abandonmentId } = takeHandOver(win);
    await Promise.all(events.map(outbox.keep));
    stopWatching = watch();
    // The session record may have missed the last page's abandonment; the hand-over has it.
    let ended = visitor.takeEnded();
    if (!ended && abandonmentId && visitor.getSession().abandonmentId != abandonmentId) ended = { ...visitor.restart(), abandonmentId };
    if (ended) returned(ended);
    landing.found.forEach(addTouchpoint);
    scheduleReport(); // a change made before this chunk loaded
    if (maySend()) delivery?.schedule(0); // what earlier pages left in the outbox
  });

  return {
    /** Keeps the shopper's traits (not under Global Privacy Control) and sends `identified`. */
    identify(traits: unknown) {
      const draft = createDraft(core, 'identified');
      const t = traits as Traits | null;
      if (typeof t != 'object' || !t || (t.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(String(t.email)))) {
        return core.reject(
          new CartbackError(
            'invalid_traits',
            `identify: traits must be an object with a valid email if any (got ${describeValue(traits)}). Pass e.g. { email: "ada@example.com" }`,
          ),
        );
      }
      if (core.gpc) return;
      void started.then(() => {
        const identity = visitor.getIdentity();
        const userId = t.customerId != null ? String(t.customerId) : identity.userId;
        visitor.setIdentity({ ...identity, userId, traits: { ...identity.traits, ...t } });
        send({ ...draft, props: { traits: t } });
      });
    },
    /** Takes an event drafted before this chunk loaded (or now). */
    send: (draft: EventDraft) => void started.then(() => send(draft)),
    onConsent(granted: boolean) {
      if (granted) delivery?.schedule(0);
      else outbox.clearUnsent();
    },
    visitor,
    /** The session once every event made before this call has been taken in (an order converts it). */
    session: () => started.then(() => ({ ...visitor.getSession(), returned: comeback })),
    /** Stores and sends what is pending now. */
    flush: () => started.then(() => Promise.all([visitor.flush(), delivery?.flush()])),
    destroy() {
      destroyed = true;
      clearTimeout(updateTimer);
      unsubscribeCart();
      stopWatching?.();
      delivery?.destroy();
    },
  };
}

export type Tracker = ReturnType<typeof createTracker>;
