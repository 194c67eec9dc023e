import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { addItems, MUG, openWidgetPage, TEA, waitForModal, waitForSent, type WidgetWindow } from '../support/widgetPage';

const t = setupBrowserTests();

/** What the page shows in each animation frame: whether the dialog is rendered and visible, and what has focus. */
function watchFrames(page: Page, onHidden?: 'show') {
  return page.evaluate((onHidden) => {
    const frames: Array<{ rendered: boolean; visible: boolean; focus: string | undefined }> = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    let shown = false;
    const look = () => {
      const dialog = document.querySelector('cartback-widget')?.shadowRoot?.querySelector<HTMLElement>('[part=dialog]');
      const visible = !!dialog?.checkVisibility({ visibilityProperty: true });
      frames.push({ rendered: !!dialog, visible, focus: document.activeElement?.localName });
      // A trigger in the middle of the rehearsal.
      if (onHidden && dialog && !visible && !shown) (shown = true), void (window as WidgetWindow).cartback.showExitIntent();
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, onHidden);
}
const framesSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { frames_: Array<{ rendered: boolean; visible: boolean; focus: string | undefined }> }).frames_);

describe("the modal's first showing", () => {
  it('is rehearsed unseen at idle once the cart is non-empty: nothing visible, no focus taken, nothing left in the page', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await watchFrames(page);
    await addItems(page, [MUG, TEA]);
    await expect.poll(async () => (await framesSeen(page)).some((frame) => frame.rendered), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.evaluate(() => !!document.querySelector('cartback-widget'))).toBe(false);

    const frames = await framesSeen(page);
    expect(frames.filter((frame) => frame.visible)).toEqual([]);
    expect(new Set(frames.map((frame) => frame.focus))).toEqual(new Set(['body']));
    expect(widget.sent('exit_intent_shown')).toEqual([]);

    // Then a trigger opens it as always: shown, focused inside, tracked.
    await page.evaluate(() => (window as WidgetWindow).cartback.showExitIntent());
    await waitForModal(page);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('cartback-widget');
    await waitForSent(widget, 'exit_intent_shown');
    expect(widget.watch.pageErrors).toEqual([]);
  });

  it('triggered while the rehearsal is on screen, shows what it rendered, visible and focused', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await watchFrames(page, 'show');
    await addItems(page, [MUG]);
    await waitForModal(page);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('cartback-widget');
    // It stays: the end of the rehearsal does not close the real showing.
    await page.waitForTimeout(300);
    await waitForModal(page);
    expect((await framesSeen(page)).some((frame) => frame.rendered && !frame.visible)).toBe(true);
    expect((await waitForSent(widget, 'exit_intent_shown')).trigger).toBe('api');
    expect(widget.watch.pageErrors).toEqual([]);
  });
});
