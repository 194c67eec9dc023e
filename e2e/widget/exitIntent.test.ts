import { describe, expect, it } from 'vitest';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { observeQuietPeriod } from '../support/watchPage';
import {
  addItems,
  exitThroughTop,
  hasWidgetChunk,
  isModalOpen,
  MUG,
  openWidgetPage,
  part,
  TEA,
  waitForModal,
  waitForSent,
  waitForWidgetChunk,
} from '../support/widgetPage';

const t = setupBrowserTests();

// The detector's grace period (GRACE in createExitDetector.ts) is 100 ms; a quiet period of
// several times that is enough to see that a trigger did not happen.
const QUIET = 600;

describe('exit intent on a desktop', () => {
  it('opens the modal with the cart when the pointer leaves through the top', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG, TEA]);
    await waitForWidgetChunk(page);

    await exitThroughTop(page);
    await waitForModal(page);

    expect(await part(page, 'name').allTextContents()).toEqual(['Blue mug', 'Green tea']);
    expect(await part(page, 'total').textContent()).toContain('€32.25');
    // A line shows either its unit price or its line total; both are the shop's format.
    const firstPrice = (await part(page, 'price').first().textContent()) ?? '';
    expect(['€12.50', '€25.00'].some((price) => firstPrice.includes(price)), firstPrice).toBe(true);
    expect(await part(page, 'quantity').first().textContent()).toContain('2');
    expect(await part(page, 'image').first().getAttribute('src')).toMatch(/\/mug\.svg$/);

    const shown = await waitForSent(widget, 'exit_intent_shown');
    expect(shown.trigger).toBe('pointer');
    expect(widget.watch.pageErrors).toEqual([]);
  });

  it('does nothing before the arming delay has passed', async () => {
    const widget = await openWidgetPage(t, { exitIntent: { armDelay: 60_000 } });
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);

    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);

    expect(await isModalOpen(page)).toBe(false);
    expect(widget.sent('exit_intent_shown')).toEqual([]);
  });

  it('with an empty cart opens nothing and never fetches the widget', async () => {
    const context = await t.newContext();
    const chunkRequests: string[] = [];
    context.on('request', (request) => {
      if (request.url().includes('cartback-widget')) chunkRequests.push(request.url());
    });
    const widget = await openWidgetPage(t, {}, { context });
    const { page } = widget;

    await exitThroughTop(page);
    // Long enough for an idle callback on an idle page: the prefetch would have started.
    await observeQuietPeriod(page, 1000);

    expect(await isModalOpen(page)).toBe(false);
    expect(chunkRequests).toEqual([]);
    expect(await hasWidgetChunk(page)).toBe(false);
    expect(widget.sent('exit_intent_shown')).toEqual([]);

    // The control: with something in the cart the same page does fetch it (once; the widget's
    // own lazy files, such as its option rules, may follow it).
    await addItems(page, [TEA]);
    await waitForWidgetChunk(page);
    expect(chunkRequests.filter((url) => new URL(url).pathname.endsWith('/cartback-widget.js'))).toHaveLength(1);
  });

  it('ignores a <select> being opened, then still sees a real exit', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);

    // Firefox fires this while the pointer is over an open <select>'s list: a mouseout on the
    // select with no relatedTarget and the list's coordinates (which may be near the top).
    await page.evaluate(() => {
      const select = document.querySelector('#size')!;
      const { left, top } = select.getBoundingClientRect();
      select.dispatchEvent(
        new MouseEvent('mouseout', { bubbles: true, clientX: left + 5, clientY: Math.max(top, 2), relatedTarget: null }),
      );
    });
    // And Chromium for real: open the select and move over where its list drops down.
    await page.click('#size');
    await page.mouse.move(60, 30);
    await page.mouse.move(60, 5, { steps: 3 });
    await page.keyboard.press('Escape');
    await observeQuietPeriod(page, QUIET);
    expect(await isModalOpen(page)).toBe(false);
    expect(widget.sent('exit_intent_shown')).toEqual([]);

    await exitThroughTop(page);
    await waitForModal(page);
  });

  it('ignores the pointer moving into an iframe at the top edge of the page', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);

    // The iframe fills the top-right corner (x 1040–1280, y 0–120 in a 1280 px viewport):
    // the real mouse goes from the page into it, up to its top edge, and moves about there.
    await page.mouse.move(1100, 300);
    await page.mouse.move(1100, 3, { steps: 4 });
    await page.mouse.move(1200, 1, { steps: 3 });
    // Browsers that give no relatedTarget for a move into a frame (Firefox, Safari for a
    // cross-origin one) fire this on the page: clientY near the top, over the iframe.
    await page.evaluate(() =>
      document.querySelector('main')!.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientX: 1100, clientY: 5, relatedTarget: null })),
    );
    await observeQuietPeriod(page, QUIET);

    expect(await isModalOpen(page)).toBe(false);
    expect(widget.sent('exit_intent_shown')).toEqual([]);
  });

  it('ignores the pointer leaving sideways or through the bottom', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);

    await page.mouse.move(640, 300);
    await page.mouse.move(-10, 300);
    await page.mouse.move(640, 300);
    await page.mouse.move(640, 730);
    await observeQuietPeriod(page, QUIET);

    expect(await isModalOpen(page)).toBe(false);
  });
});
