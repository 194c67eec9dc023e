export type LeaveReason = 'tab_closed' | 'navigated_away' | 'hidden' | 'idle';

export interface PageWatchOptions {
  /** Idle time on a visible page after which the shopper counts as gone. */
  abandonAfter: number;
  /** The page is being hidden (`final` false) or unloaded (`final` true): last chance to send. */
  onHide: (final: boolean) => void;
  /**
   * The shopper may be leaving the store (not a move between its own pages): the tab closed,
   * went to another site, or was hidden, after which a phone may freeze and discard it without
   * running anything again. Or the page was idle for `abandonAfter`.
   */
  onLeave: (reason: LeaveReason) => void;
  /** The page is visible again after being hidden (or restored from the back/forward cache). */
  onShow: () => void;
}

// A same-origin navigation started this recently is the one a pagehide belongs to.
const NAVIGATION_WINDOW = 10_000;
const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'touchstart'];

/**
 * Tells leaving from browsing. Moving between the store's own pages is announced by the
 * Navigation API's `navigate` event where it exists, and by same-origin link clicks and form
 * submits otherwise; a pagehide without such an announcement is a closed tab or a trip to
 * another site. Never uses `unload`/`beforeunload`: they break the back/forward cache.
 */
export function watchPage(win: Window, options: PageWatchOptions): () => void {
  const { abandonAfter } = options;
  const doc = win.document;
  let internalAt = -Infinity;
  let awayAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Chromium fires `pagehide` before the `visibilitychange` of a page that is unloading: that
  // hidden is the same departure, already judged.
  let unloading = false;

  /** Notes a page load starting: to another page of the store, or away from it. */
  const mark = (url: string | undefined, at = Date.now()) => {
    try {
      const { protocol, origin, href } = new URL(url!, win.location.href);
      const here = win.location.href;
      // javascript:, mailto: and tel: links load no page; nor does a link to a part of this one.
      if (!/^https?:$/.test(protocol) || (href.includes('#') && href.split('#')[0] == here.split('#')[0])) return;
      if (origin == win.location.origin) internalAt = at;
      else awayAt = at;
    } catch {}
  };
  const restartTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => options.onLeave('idle'), abandonAfter);
  };

  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  const onNavigate = (e: Event) => {
    const { destination, downloadRequest } = e as Event & { destination: { url: string; sameDocument: boolean }; downloadRequest: string | null };
    if (!destination.sameDocument && downloadRequest == null) mark(destination.url);
  };
  // The last link click or form submit. Whether it loads a page is known only after the
  // page's own handlers ran (a router that handles a click cancels it), so it is judged at
  // pagehide, which may come before any timer would.
  let activated: [event: Event, url: string, at: number] | undefined;
  const onClick = (e: Event) => {
    const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && !link.target && !link.hasAttribute('download')) activated = [e, link.href, Date.now()];
  };
  const onSubmit = (e: Event) => {
    activated = [e, (e.target as HTMLFormElement).action, Date.now()];
  };
  // Leaving first, so that the abandonment is among what onHide sends and stores.
  const onPageHide = () => {
    unloading = true;
    clearTimeout(timer);
    if (activated && !activated[0].defaultPrevented) mark(activated[1], activated[2]);
    const now = Date.now();
    if (now - internalAt > NAVIGATION_WINDOW) options.onLeave(now - awayAt < NAVIGATION_WINDOW ? 'navigated_away' : 'tab_closed');
    options.onHide(true);
  };
  const onPageShow = (e: Event) => {
    unloading = false;
    if ((e as PageTransitionEvent).persisted) show();
  };
  const show = () => {
    options.onShow();
    restartTimer();
  };
  // Hidden is when a phone may freeze the tab and later discard it, running nothing: whether
  // the shopper comes back is for the next page, or the endpoint, to tell (see the tracker).
  const onVisibility = () => {
    if (doc.visibilityState !== 'hidden') show();
    else if (!unloading) {
      clearTimeout(timer);
      options.onLeave('hidden');
      options.onHide(false);
    }
  };
  const onActivity = () => restartTimer();

  const listeners: [EventTarget, string, (e: Event) => void][] = [
    [win, 'pagehide', onPageHide],
    [win, 'pageshow', onPageShow],
    [doc, 'visibilitychange', onVisibility],
    ...ACTIVITY.map((type): [EventTarget, string, () => void] => [win, type, onActivity]),
  ];
  // A router that intercepts a navigation (`event.intercept()`) keeps the page: the navigation
  // it announced as another page's ends in `navigatesuccess`, which a page load never reaches.
  if (nav) listeners.push([nav, 'navigate', onNavigate], [nav, 'navigatesuccess', () => (internalAt = -Infinity)]);
  else listeners.push([doc, 'click', onClick], [doc, 'submit', onSubmit]);
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, { capture: true, passive: true });
  restartTimer();

  return () => {
    clearTimeout(timer);
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
  };
}
