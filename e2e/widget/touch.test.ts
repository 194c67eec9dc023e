import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { observeQuietPeriod } from '../support/watchPage';
import {
  addItems,
  isModalOpen,
  MUG,
  openWidgetPage,
  waitForModal,
  waitForSent,
  waitForWidgetChunk,
} from '../support/widgetPage';

const t = setupBrowserTests();

/** A phone: touch, mobile viewport, `(pointer: coarse)`. Closed after the test. */
async function openPhonePage(config: Record<string, unknown> = {}) {
  const context = await t.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(10_000);
  onTestFinished(() => context.close());
  const widget = await openWidgetPage(t, config, { context });
  expect(await widget.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  await addItems(widget.page, [MUG]);
  await waitForWidgetChunk(widget.page);
  // Down the page first, the way a shopper reads it, then a pause so that run is over.
  await widget.page.evaluate(() => window.scrollTo(0, 3000));
  await observeQuietPeriod(widget.page, 400);
  return widget;
}

/** Scrolls up `step` px at a time, after each of `count` animation frames (or `everyMs`). */
function scrollUp(page: Page, step: number, count: number, everyMs?: number): Promise<void> {
  return page.evaluate(
    async ({ step, count, everyMs }) => {
      for (let i = 0; i < count; i++) {
        await new Promise((done) => (everyMs ? setTimeout(done, everyMs) : requestAnimationFrame(done)));
        window.scrollBy(0, -step);
      }
    },
    { step, count, everyMs },
  );
}

/**
 * Makes the tab look hidden or visible and tells the page, as switching tabs does.
 * Headless Chromium does not hide a page on its own, so `document.hidden` is stubbed (as
 * web-vitals' tests do) and the real `visibilitychange` event is dispatched.
 */
function setHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((isHidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (isHidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

describe('exit intent on a touch device', () => {
  it('opens on a fast scroll up', async () => {
    const widget = await openPhonePage();
    await scrollUp(widget.page, 150, 5);
    await waitForModal(widget.page);
    expect((await waitForSent(widget, 'exit_intent_shown')).trigger).toBe('scroll');
  });

  it('does not open on a slow scroll up', async () => {
    const widget = await openPhonePage();
    await scrollUp(widget.page, 10, 30, 50); // 200 px/s, far below the default 2000 px/s
    expect(await widget.page.evaluate(() => scrollY)).toBeLessThanOrEqual(2700);
    await observeQuietPeriod(widget.page, 300);
    expect(await isModalOpen(widget.page)).toBe(false);
  });

  it('ignores the mouse leaving through the top', async () => {
    const widget = await openPhonePage();
    await widget.page.mouse.move(200, 300);
    await widget.page.mouse.move(200, -10);
    await observeQuietPeriod(widget.page, 400);
    expect(await isModalOpen(widget.page)).toBe(false);
  });

  it('opens when the shopper comes back after the tab was hidden for returnAfter', async () => {
    const widget = await openPhonePage({ exitIntent: { mobile: { returnAfter: 1000 } } });
    const { page } = widget;

    await setHidden(page, true);
    await setHidden(page, false); // back at once: not leaving
    await observeQuietPeriod(page, 300);
    expect(await isModalOpen(page)).toBe(false);

    await setHidden(page, true);
    await observeQuietPeriod(page, 1100); // the tab stays hidden for longer than returnAfter
    await setHidden(page, false);
    await waitForModal(page);
    expect((await waitForSent(widget, 'exit_intent_shown')).trigger).toBe('return');
  });
});
