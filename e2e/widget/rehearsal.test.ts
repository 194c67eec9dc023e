import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { addItems, MUG, openWidgetPage, TEA, waitForModal, waitForSent, type WidgetWindow } from '../support/widgetPage';

const t = setupBrowserTests();

interface Frame {
  rendered: boolean;
  /** The backdrop is in the top layer (the rehearsal's second step, or a real showing). */
  topLayer: boolean;
  visible: boolean;
  focus: string | undefined;
}

/**
 * What the page shows in each animation frame: whether the dialog is rendered, in the top
 * layer and visible, and what has focus; with `triggerAt`, a trigger when a frame first sees
 * the rehearsal at that step (1: rendered only, 2: in the top layer too).
 */
function watchFrames(page: Page, triggerAt?: 1 | 2) {
  return page.evaluate((triggerAt) => {
    const frames: Frame[] = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    let triggered = false;
    const look = () => {
      const dialog = document.querySelector('cartback-widget')?.shadowRoot?.querySelector<HTMLElement>('[part=dialog]');
      const visible = !!dialog?.checkVisibility({ visibilityProperty: true });
      const topLayer = !!dialog?.parentElement?.matches(':popover-open');
      frames.push({ rendered: !!dialog, topLayer, visible, focus: document.activeElement?.localName });
      const step = dialog && !visible && (topLayer ? 2 : 1);
      if (step && step == triggerAt && !triggered) (triggered = true), void (window as WidgetWindow).cartback.showExitIntent();
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, triggerAt);
}
const framesSeen = (page: Page) => page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_);

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
    // Rendered in one idle task, put in the top layer (its styles matched) in another.
    expect(frames.some((frame) => frame.rendered && !frame.topLayer)).toBe(true);
    expect(frames.some((frame) => frame.topLayer)).toBe(true);
    expect(new Set(frames.map((frame) => frame.focus))).toEqual(new Set(['body']));
    expect(widget.sent('exit_intent_shown')).toEqual([]);

    // Then a trigger opens it as always: shown, focused inside, tracked.
    await page.evaluate(() => (window as WidgetWindow).cartback.showExitIntent());
    await waitForModal(page);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('cartback-widget');
    await waitForSent(widget, 'exit_intent_shown');
    expect(widget.watch.pageErrors).toEqual([]);
  });

  for (const [step, what] of [
    [1, 'rendered, not yet in the top layer'],
    [2, 'in the top layer'],
  ] as const) {
    it(`triggered while the rehearsal is ${what}, shows what it rendered, visible and focused`, async () => {
      const widget = await openWidgetPage(t);
      const { page } = widget;
      await watchFrames(page, step);
      await addItems(page, [MUG]);
      await waitForModal(page);
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('cartback-widget');
      // It stays: the rehearsal's next step and its end do not close the real showing.
      await page.waitForTimeout(300);
      await waitForModal(page);
      const frames = await framesSeen(page);
      expect(frames.some((frame) => frame.rendered && !frame.visible && frame.topLayer == (step == 2))).toBe(true);
      expect(frames.at(-1)).toMatchObject({ topLayer: true, visible: true });
      expect((await waitForSent(widget, 'exit_intent_shown')).trigger).toBe('api');
      expect(widget.watch.pageErrors).toEqual([]);
    });
  }
});
