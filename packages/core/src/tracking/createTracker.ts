import { CartbackError, describeValue } from '../engine/CartbackError.js';
import { capEvent } from './capEvent.js';
import type { TrackerHost } from './trackerHost.js';
import type { Traits } from '../engine/CartbackApi.js';
import { createDelivery } from './delivery/createDelivery.js';
import { createDraft, isDraft, type EventDraft } from '../engine/createDraft.js';
import { createOutbox } from './delivery/createOutbox.js';
import { createVisitor } from './visitor/createVisitor.js';
import type { CancelReason, CartbackEvent, EventType } from '../events.js';
import type { PageInfo } from '../types.js';
import { getAttribution, type Touchpoint, type Touchpoints } from './visitor/getAttribution.js';
import { handOver, takeHandOver } from '../engine/handOver.js';
import { readTouchpointParams } from './visitor/readTouchpointParams.js';
import { DRAFT_PREFIX, isString, isTime } from '../storage/records.js';
import type { Experiments } from '../experiments/createExperiments.js';
import { sendBeacons } from './delivery/sendBeacons.js';
import { VERSION } from './version.js';
import { watchPage, type LeaveReason } from './lifecycle/watchPage.js';
import { withFlushLock } from './delivery/withFlushLock.js';

/** Snapshots of a burst of cart changes are coalesced into one `cart_updated` this long after the last. */
const CART_UPDATED_DELAY = 1000;

/**
 * Events: completes them, keeps them in the durable outbox, delivers them, and watches the
 * page for the shopper leaving (`cart_abandoned`) and coming back (`cart_returned`).
 * Without a window (tests, servers) nothing is watched or sent.
 */
export function createTracker(core: TrackerHost) {
  const { config, platform, cart, emitter, report } = core;
  const win = platform.window;
  const nav = win?.navigator;
  const outbox = createOutbox(core.getStorage, platform.now, report);
  const visitor = createVisitor(core);
  const mayStore = () => !core.gpc && core.getConsent() !== 'denied';
  const maySend = () => mayStore() && core.getConsent() !== 'unknown';
  /** The page the shopper came back on: the first of a session after leaving with the cart. */
  let comeback = false;
  /** The visitor's arms, where the store runs experiments (undefined if their file did not load). */
  let experiments: Experiments | undefined;

  // A landing through a widget or recovery link: its parameters leave the address bar at once
  // (a reload, a bookmark or a shared link must not count again); the touchpoint is kept in the
  // session (see started). That record is read from IndexedDB first, which a phone may take a
  // while to answer, and the shopper may have gone on by then: the touchpoint goes into
  // localStorage first, for this page or the next. Not before consent: until then nothing is stored.
  const landed = win?.location.href ?? '';
  const landing = readTouchpointParams(landed);
  const landedAt: Touchpoints = Object.fromEntries(landing.found.map((name) => [name, platform.now()]));
  if (landing.found.length && maySend()) handOver(win, { events: [], touchpoints: landedAt });
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

  /** `identify()`: checked here, in the lazy chunk, where its wording is. */
  const takeTraits = (traits: unknown): boolean => {
    const t = traits as Traits | null;
    if (typeof t != 'object' || !t || (t.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(String(t.email)))) {
      core.reject(
        new CartbackError(
          'invalid_traits',
          `identify: traits must be an object with a valid email if any (got ${describeValue(traits)}). Pass e.g. { email: "ada@example.com" }`,
        ),
      );
      return false;
    }
    // Under Global Privacy Control no identity is kept, and no `identified` made.
    if (core.gpc) return false;
    const identity = visitor.getIdentity();
    const userId = t.customerId != null ? String(t.customerId) : identity.userId;
    visitor.setIdentity({ ...identity, userId, traits: { ...identity.traits, ...t } });
    return true;
  };

  /** Completes a draft with who it is about, once the saved identity is loaded, and puts it in the outbox. */
  const send = ({ id, type, time, page, cart: snapshot, props }: EventDraft): void => {
    if (type == 'identified' && !takeTraits(props.traits)) return;
    const { anonymousId, userId, traits } = visitor.getIdentity();
    // Filled here, not where purchase() drafts it: the touchpoints live in the session record.
    if (type == 'order_completed') props = { ...props, attribution: getAttribution(visitor.getSession().touchpoints, Date.parse(time)) };
    // What an event is about comes last: props never overwrite it.
    const event: CartbackEvent = capEvent({
      ...props,
      id,
      type,
      time,
      anonymousId,
      sessionId: visitor.getSession().id,
      page: page ?? { url: '', path: '', title: '', referrer: '' },
      context: {
        library: { name: 'cartback', version: VERSION },
        locale: config.locale,
        consent: core.getConsent(),
        ...(experiments?.arms && { experiments: experiments.arms }),
      },
      ...(userId && { userId }),
      ...(traits && { traits }),
      cart: snapshot,
    });
    if (type == 'order_completed') visitor.setSession({ converted: true, touchpoints: undefined });
    if (type == 'checkout_started') visitor.setSession({ checkoutStarted: true });
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
  /**
   * Takes a draft the engine kept (see createCartback), once: the same one may come both from
   * storage and straight from the engine. Its stored copy goes once it is an event.
   */
  const taken = new Set<string>();
  const take = (draft: EventDraft): void => {
    if (taken.has(draft.id)) return;
    taken.add(draft.id);
    send(draft);
    void core.getStorage().del(DRAFT_PREFIX + draft.id).catch(() => {});
  };

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

  /**
   * The shopper may be leaving with the cart: `cart_abandoned` goes out now, while the page can
   * still send (a phone may freeze a hidden tab and discard it, running nothing again), with
   * `graceUntil`, when it counts unless `resume` cancels it first.
   */
  const leave = (reason: LeaveReason) => {
    const { id, version, items } = cart.getState();
    const abandonmentId = `${id}:${version}`;
    if (!items.length || visitor.getSession().abandonmentId == abandonmentId) return;
    reportPending();
    const draft = createDraft(core, 'cart_abandoned');
    const graceUntil = Date.parse(draft.time) + (reason == 'idle' ? 0 : reason == 'hidden' ? config.abandonAfter : config.returnGrace);
    visitor.setSession({ abandonmentId, graceUntil });
    send({ ...draft, props: { abandonmentId, reason, graceUntil: new Date(graceUntil).toISOString() } });
    core.post({ type: 'left', abandonmentId, graceUntil });
  };
  /** The shopper is back after leaving with a cart: a new session. */
  const returned = ({ abandonmentId }: { abandonmentId?: string }) => {
    if (cart.getState().items.length) (comeback = true), track('cart_returned', abandonmentId ? { abandonmentId } : {});
  };
  /**
   * The shopper is on the store again: within the grace the abandonment is cancelled and the
   * session goes on (a reload, a quick switch to another app); after it, it counted, and this
   * is a return (a new session).
   */
  const resume = (reason: CancelReason) => {
    const { abandonmentId, graceUntil } = visitor.getSession();
    if (!abandonmentId) return;
    if (platform.now() >= (graceUntil ?? 0)) return returned(visitor.restart());
    visitor.setSession({ abandonmentId: undefined, graceUntil: undefined });
    track('abandonment_cancelled', { abandonmentId, reason });
  };

  // Another tab of the store left (closed, hidden): while this one is in view, the shopper has
  // not left the store. A hidden tab keeps the abandonment, and cancels it if shown in time.
  const stopHearing = core.onTabMessage((data) => {
    const { type, abandonmentId, graceUntil } = (data ?? {}) as Partial<Record<string, unknown>>;
    if (type != 'left' || !isString(abandonmentId) || !isTime(graceUntil)) return;
    void started.then(() => {
      visitor.setSession({ abandonmentId, graceUntil });
      if (win?.document.visibilityState == 'visible') resume('other_tab');
    });
  });

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
        if (final && maySend()) {
          const { abandonmentId, graceUntil } = visitor.getSession();
          handOver(win, { events: outbox.unsent(), ...(abandonmentId && { abandonment: { id: abandonmentId, graceUntil: graceUntil ?? 0 } }) });
        }
        if (maySend() && delivery && 'sendBeacon' in nav! && nav!.onLine !== false) {
          sendBeacons(config.endpoint!, outbox.unsent(), (url, body) => nav!.sendBeacon(url, body), platform.now());
          // Handed over once: `visibilitychange` and `pagehide` both come on the way out.
          outbox.clearUnsent();
        }
      },
      onLeave: leave,
      onShow: () => resume('returned'),
    });

  let stopWatching: (() => void) | undefined;
  let destroyed = false;
  const started = visitor.ready.then(async () => {
    if (destroyed) return;
    // Before any event is completed, so that every one carries the visitor's arms.
    if (config.experiments)
      experiments = await import('../experiments/createExperiments.js').then(
        ({ createExperiments }) => createExperiments(core, visitor.getIdentity().anonymousId, landed, track),
        // Without the arms the widget stays hidden on this page (docs/experiments.md).
        (error) => void report(new CartbackError('chunk_failed', `experiments did not load (${error})`)),
      );
    const { events, drafts, abandonment, touchpoints } = takeHandOver(win);
    // What an earlier page handed over and this landing's, before the drafts are taken: an
    // order among them is attributed to these too (a new session keeps them: see createVisitor).
    if (touchpoints || landing.found.length)
      visitor.setSession({ touchpoints: { ...visitor.getSession().touchpoints, ...touchpoints, ...landedAt } });
    await Promise.all(events.map(outbox.keep));
    // Events made before this chunk was there, kept by the engine (this page's or an earlier one's).
    const stored = (await core.getStorage().entries()).filter(([key]) => key.startsWith(DRAFT_PREFIX));
    const readable = drafts.filter(isDraft);
    let dropped = drafts.length - readable.length;
    for (const [key, draft] of stored) {
      if (isDraft(draft)) readable.push(draft);
      else {
        dropped++;
        void core.getStorage().del(key).catch(() => {});
      }
    }
    if (dropped) report(new CartbackError('corrupt_record', `dropped ${dropped} unreadable event draft(s) left by another script or version`));
    readable.sort((a, b) => a.time.localeCompare(b.time)).forEach(take);
    stopWatching = watch();
    // The session record may have missed the last page's abandonment; the hand-over has it.
    const ended = visitor.takeEnded();
    if (ended) returned(ended);
    else if (abandonment && visitor.getSession().abandonmentId != abandonment.id)
      visitor.setSession({ abandonmentId: abandonment.id, graceUntil: abandonment.graceUntil });
    // Back on the store after a provisional abandonment: a reload, or the next page soon after.
    resume('next_page');
    scheduleReport(); // a change made before this chunk loaded
    if (maySend()) delivery?.schedule(0); // what earlier pages left in the outbox
  });

  return {
    /** Takes an event drafted before this chunk loaded (or now): resolves once it is in the outbox. */
    send: (draft: EventDraft) => started.then(() => take(draft)),
    onConsent(granted: boolean) {
      if (granted) delivery?.schedule(0);
      else outbox.clearUnsent();
    },
    visitor,
    /** The visitor's arms and the config they make (undefined without experiments, or if their file did not load). */
    experiments: () => started.then(() => experiments),
    /** The session once every event made before this call has been taken in (an order converts it). */
    session: () => started.then(() => ({ ...visitor.getSession(), returned: comeback })),
    /** Stores and sends what is pending now. */
    flush: () => started.then(() => Promise.all([visitor.flush(), delivery?.flush()])),
    destroy() {
      destroyed = true;
      clearTimeout(updateTimer);
      unsubscribeCart();
      stopWatching?.();
      stopHearing();
      delivery?.destroy();
    },
  };
}

export type Tracker = ReturnType<typeof createTracker>;
