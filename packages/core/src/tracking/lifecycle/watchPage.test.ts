import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchPage, type LeaveReason } from './watchPage.js';

// A hand-made window: Node's EventTarget for the window, its document and (where the browser
// has one) its Navigation API object. Real-browser behaviour is covered by the e2e suite.

const ORIGIN = 'https://shop.test';
const HERE = `${ORIGIN}/cart`;
const ABANDON_AFTER = 60_000;

const stops: Array<() => void> = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(Date.parse('2026-11-21T10:00:00.000Z'));
});

afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.useRealTimers();
});

function setup({ navigation = false, abandonAfter = ABANDON_AFTER } = {}) {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const nav = navigation ? new EventTarget() : undefined;
  const win = Object.assign(new EventTarget(), {
    location: { href: HERE, origin: ORIGIN },
    document: doc,
    ...(nav && { navigation: nav }),
  });
  // What happened, in order: the order of leave and hide matters to the tracker.
  const calls: string[] = [];
  const onLeave = vi.fn((reason: LeaveReason) => void calls.push(`leave:${reason}`));
  const onHide = vi.fn(() => void calls.push('hide'));
  const onShow = vi.fn(() => void calls.push('show'));
  const stop = watchPage(win as unknown as Window, { abandonAfter, onLeave, onHide, onShow });
  stops.push(stop);

  return {
    win,
    doc,
    calls,
    onLeave,
    onHide,
    onShow,
    stop,
    pagehide: () => win.dispatchEvent(new Event('pagehide')),
    setVisibility(state: DocumentVisibilityState) {
      doc.visibilityState = state;
      doc.dispatchEvent(new Event('visibilitychange'));
    },
    /** The Navigation API's `navigate` event, as the browser fires it before a navigation. */
    navigate(url: string, { sameDocument = false, downloadRequest = null as string | null } = {}) {
      if (!nav) throw new Error('this window has no navigation');
      nav.dispatchEvent(Object.assign(new Event('navigate', { cancelable: true }), { destination: { url, sameDocument }, downloadRequest }));
    },
    /**
     * A click on a link (`href` resolved, as `HTMLAnchorElement.href` is). `router` stands for a
     * handler that runs after ours and cancels the click to route it itself.
     */
    click(href: string, { target = '', download = false, router = false } = {}) {
      const link = { href, target, hasAttribute: (name: string) => name === 'download' && download };
      const event = new Event('click', { cancelable: true });
      Object.defineProperty(event, 'target', { value: { closest: (selector: string) => (selector === 'a[href]' ? link : null) } });
      doc.dispatchEvent(event);
      if (router) event.preventDefault();
    },
    submit(action: string, { router = false } = {}) {
      const event = new Event('submit', { cancelable: true });
      Object.defineProperty(event, 'target', { value: { action } });
      doc.dispatchEvent(event);
      if (router) event.preventDefault();
    },
  };
}

describe('watchPage: pagehide with the Navigation API', () => {
  it('is a closed tab when no navigation was announced, and leaves before it hides', () => {
    const page = setup({ navigation: true });
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
    expect(page.onLeave).toHaveBeenCalledTimes(1);
    expect(page.onShow).not.toHaveBeenCalled();
  });

  it('is not leaving after a navigation to another page of the store', () => {
    const page = setup({ navigation: true });
    page.navigate(`${ORIGIN}/checkout`);
    page.pagehide();
    expect(page.calls).toEqual(['hide']);
  });

  it('is navigating away after a navigation to another origin', () => {
    const page = setup({ navigation: true });
    page.navigate('https://elsewhere.test/');
    page.pagehide();
    expect(page.calls).toEqual(['leave:navigated_away', 'hide']);
  });

  it('is a closed tab after a same-document (SPA) navigation', () => {
    const page = setup({ navigation: true });
    page.navigate(`${ORIGIN}/products/mug`, { sameDocument: true });
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('is a closed tab after a navigation a router intercepted (it ended in navigatesuccess)', () => {
    const page = setup({ navigation: true });
    page.navigate(`${ORIGIN}/products/mug`);
    page.win.navigation!.dispatchEvent(new Event('navigatesuccess'));
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('is a closed tab after a download, which does not unload the page', () => {
    const page = setup({ navigation: true });
    page.navigate(`${ORIGIN}/invoice.pdf`, { downloadRequest: 'invoice.pdf' });
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('ties a navigation to a pagehide within 10 seconds only', () => {
    const page = setup({ navigation: true });
    page.navigate(`${ORIGIN}/checkout`);
    vi.advanceTimersByTime(9_999);
    page.pagehide();
    expect(page.calls).toEqual(['hide']);

    vi.advanceTimersByTime(2);
    page.pagehide();
    expect(page.calls).toEqual(['hide', 'leave:tab_closed', 'hide']);
  });

  it('counts a store navigation after one to another origin as staying', () => {
    const page = setup({ navigation: true });
    page.navigate('https://elsewhere.test/');
    page.navigate(`${ORIGIN}/checkout`);
    page.pagehide();
    expect(page.calls).toEqual(['hide']);
  });

  it('counts a navigation to another origin more than 10 seconds old as a closed tab', () => {
    const page = setup({ navigation: true });
    page.navigate('https://elsewhere.test/');
    vi.advanceTimersByTime(10_001);
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('ignores link clicks when the Navigation API announces navigations', () => {
    const page = setup({ navigation: true });
    page.click(`${ORIGIN}/checkout`);
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });
});

describe('watchPage: pagehide without the Navigation API', () => {
  it('is a closed tab when nothing was clicked', () => {
    const page = setup();
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('is not leaving after a click on a link to another page of the store', () => {
    const page = setup();
    page.click(`${ORIGIN}/checkout`);
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['hide']);
    expect(page.onLeave).not.toHaveBeenCalled();
  });

  it('is still leaving when a router cancelled the click to handle it itself', () => {
    const page = setup();
    page.click(`${ORIGIN}/checkout`, { router: true });
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('is navigating away after a click on a link to another origin', () => {
    const page = setup();
    page.click('https://elsewhere.test/');
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['leave:navigated_away', 'hide']);
  });

  it.each([
    ['opens in another window', { target: '_blank' }],
    ['downloads', { download: true }],
  ])('is a closed tab after a click on a store link that %s', (_, link) => {
    const page = setup();
    page.click(`${ORIGIN}/checkout`, link);
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('ignores clicks outside links', () => {
    const page = setup();
    const event = new Event('click', { cancelable: true });
    Object.defineProperty(event, 'target', { value: { closest: () => null } });
    page.doc.dispatchEvent(event);
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('is not leaving after a form submitted to the store, and leaving when a script handled it', () => {
    const page = setup();
    page.submit(`${ORIGIN}/search`);
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['hide']);

    const spa = setup();
    spa.submit(`${ORIGIN}/search`, { router: true });
    vi.advanceTimersByTime(1);
    spa.pagehide();
    expect(spa.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  // Known gap: the fallback takes every same-origin link click for a page load. A link to a
  // part of the same page (`href="#reviews"`, or the common `href="#"` button) does not
  // unload it, so a tab closed in the next 10 seconds is reported as no leave at all.
  it('is a closed tab after a click on a link to a part of the same page', () => {
    const page = setup();
    page.click(`${HERE}#reviews`);
    vi.advanceTimersByTime(3000); // the shopper reads the reviews, then closes the tab
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  // Known gap: a `javascript:` link (a common "add to cart" button) navigates nowhere, but
  // its URL has an opaque origin, so closing the tab soon after reads as going off-site.
  it('is a closed tab, not navigating away, after a click on a javascript: link', () => {
    const page = setup();
    page.click('javascript:void(0)');
    vi.advanceTimersByTime(1);
    page.pagehide();
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });
});

describe('watchPage: hidden and idle', () => {
  it('leaves (hidden) before it hides, at once: a frozen tab runs no timer', () => {
    const page = setup();
    page.setVisibility('hidden');
    expect(page.calls).toEqual(['leave:hidden', 'hide']);

    vi.advanceTimersByTime(ABANDON_AFTER * 3);
    expect(page.onLeave).toHaveBeenCalledTimes(1);
  });

  it('shows again, and starts counting idle time from then', () => {
    const page = setup();
    vi.advanceTimersByTime(10_000);
    page.setVisibility('hidden');
    vi.advanceTimersByTime(ABANDON_AFTER - 1);
    page.setVisibility('visible');
    expect(page.calls).toEqual(['leave:hidden', 'hide', 'show']);

    vi.advanceTimersByTime(ABANDON_AFTER - 1);
    expect(page.calls).toEqual(['leave:hidden', 'hide', 'show']);
    vi.advanceTimersByTime(1);
    expect(page.calls).toEqual(['leave:hidden', 'hide', 'show', 'leave:idle']);
  });

  it('judges an unloading page once: the hidden that follows its pagehide is the same departure', () => {
    const page = setup();
    page.pagehide();
    page.setVisibility('hidden');
    expect(page.calls).toEqual(['leave:tab_closed', 'hide']);
  });

  it('shows on a return from the back/forward cache', () => {
    const page = setup();
    page.pagehide();
    page.win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(page.calls).toEqual(['leave:tab_closed', 'hide', 'show']);
    page.setVisibility('hidden');
    expect(page.calls).toEqual(['leave:tab_closed', 'hide', 'show', 'leave:hidden', 'hide']);
  });

  it('counts the shopper gone after abandonAfter without activity on a visible page', () => {
    const page = setup();
    vi.advanceTimersByTime(ABANDON_AFTER - 1);
    expect(page.onLeave).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(page.calls).toEqual(['leave:idle']);
    expect(page.onHide).not.toHaveBeenCalled();

    vi.advanceTimersByTime(ABANDON_AFTER * 3);
    expect(page.onLeave).toHaveBeenCalledTimes(1);
  });

  it.each(['pointerdown', 'keydown', 'scroll', 'touchstart'])('restarts the idle time on %s', (type) => {
    const page = setup();
    vi.advanceTimersByTime(40_000);
    page.win.dispatchEvent(new Event(type));

    vi.advanceTimersByTime(ABANDON_AFTER - 1);
    expect(page.onLeave).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(page.calls).toEqual(['leave:idle']);
  });

  it('uses the abandonAfter it is given', () => {
    const page = setup({ abandonAfter: 5_000 });
    vi.advanceTimersByTime(4_999);
    expect(page.onLeave).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(page.calls).toEqual(['leave:idle']);
  });
});

describe('watchPage: stop', () => {
  it.each([
    ['with', true],
    ['without', false],
  ])('removes every listener and timer it added (%s the Navigation API)', (_, navigation) => {
    const add = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const remove = vi.spyOn(EventTarget.prototype, 'removeEventListener');
    const page = setup({ navigation });
    page.stop();
    const added = add.mock.calls.map(([type, fn], i) => [add.mock.contexts[i], type, fn]);
    const removed = remove.mock.calls.map(([type, fn], i) => [remove.mock.contexts[i], type, fn]);
    add.mockRestore();
    remove.mockRestore();

    expect(added.map(([, type]) => type)).toEqual([
      'pagehide',
      'pageshow',
      'visibilitychange',
      'pointerdown',
      'keydown',
      'scroll',
      'touchstart',
      ...(navigation ? ['navigate', 'navigatesuccess'] : ['click', 'submit']),
    ]);
    expect(removed).toHaveLength(added.length);
    removed.forEach(([target, type, fn], i) => {
      expect(target).toBe(added[i]![0]);
      expect(type).toBe(added[i]![1]);
      expect(fn).toBe(added[i]![2]);
    });

    page.pagehide();
    page.setVisibility('hidden');
    page.setVisibility('visible');
    page.win.dispatchEvent(new Event('pointerdown'));
    if (navigation) page.navigate(`${ORIGIN}/checkout`);
    else page.click(`${ORIGIN}/checkout`);
    vi.advanceTimersByTime(ABANDON_AFTER * 3);
    expect(page.calls).toEqual([]);
  });
});
