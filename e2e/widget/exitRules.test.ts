import { describe, expect, it } from 'vitest';
import { waitForCartback } from '../support/cartbackPage';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { observeQuietPeriod } from '../support/watchPage';
import {
  addItems,
  exitThroughTop,
  isModalOpen,
  MUG,
  openWidgetPage,
  suppressions,
  TEA,
  waitForModal,
  waitForModalClosed,
  waitForSent,
  waitForWidgetChunk,
  type WidgetWindow,
} from '../support/widgetPage';

const t = setupBrowserTests();

const QUIET = 600;

describe('who sees the exit-intent modal', () => {
  it('shows it once per session: not again on the same page, nor after a reload', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);
    await exitThroughTop(page);
    await waitForModal(page);
    await page.keyboard.press('Escape');
    await waitForModalClosed(page);

    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);
    expect(await isModalOpen(page)).toBe(false);

    await page.reload();
    await waitForCartback(page);
    await waitForWidgetChunk(page);
    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);
    expect(await isModalOpen(page)).toBe(false);

    await expect.poll(() => suppressions(widget).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    for (const reason of suppressions(widget)) expect(['already_shown', 'cooldown']).toContain(reason);
    expect(widget.sent('widget_suppressed')[0]?.widget).toBe('exit_intent');
    expect(widget.sent('exit_intent_shown')).toHaveLength(1);
  });

  it('does not show it again after a reload even when it was never dismissed', async () => {
    // No dismissal, so no cooldown: only the once-per-session rule can keep it closed.
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);
    await exitThroughTop(page);
    await waitForModal(page);
    await waitForSent(widget, 'exit_intent_shown');

    await page.reload();
    await waitForCartback(page);
    await waitForWidgetChunk(page);
    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);
    expect(await isModalOpen(page), 'the modal opened again after a reload').toBe(false);
    await expect.poll(() => suppressions(widget), { timeout: 10_000 }).toEqual(['already_shown']);
    expect(widget.sent('exit_intent_shown')).toHaveLength(1);
  });

  it('never shows it after a purchase in the session, even with a new cart', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);
    await page.evaluate(() => (window as WidgetWindow).cartback.purchase({ orderId: 'order-1' }));
    await addItems(page, [TEA]);

    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);

    expect(await isModalOpen(page)).toBe(false);
    const suppressed = await waitForSent(widget, 'widget_suppressed');
    expect(suppressed).toMatchObject({ widget: 'exit_intent', reason: 'purchased' });
    expect(widget.sent('exit_intent_shown')).toEqual([]);
  });

  it('never shows it after a purchase made while the widget was still starting', async () => {
    // A "buy now" right after the first add: the purchase lands while the widget chunk is
    // loading and reading the session. The race is timing-dependent, so a few shoppers try.
    const shownAfterPurchase: number[] = [];
    for (let shopper = 0; shopper < 5; shopper++) {
      const widget = await openWidgetPage(t);
      const { page } = widget;
      await addItems(page, [MUG]);
      await page.evaluate(() => (window as WidgetWindow).cartback.purchase({ orderId: 'order-1' }));
      await addItems(page, [TEA]);
      await waitForWidgetChunk(page);
      await exitThroughTop(page);
      await observeQuietPeriod(page, QUIET);
      if (await isModalOpen(page)) shownAfterPurchase.push(shopper);
      await widget.context.close();
    }
    expect(shownAfterPurchase, 'shoppers who saw the modal after their purchase').toEqual([]);
  });

  it('explains a suppression in the console with debug: true, and sends it once per page', async () => {
    const widget = await openWidgetPage(t, { debug: true, exitIntent: { minCartValue: 100 } });
    const { page } = widget;
    await addItems(page, [TEA]);
    await waitForWidgetChunk(page);

    await exitThroughTop(page);
    await expect.poll(() => suppressions(widget), { timeout: 10_000 }).toEqual(['below_min_value']);
    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);

    expect(await isModalOpen(page)).toBe(false);
    expect(suppressions(widget)).toEqual(['below_min_value']);
    const explained = widget.watch.cartbackMessages('info').filter((m) => m.text.startsWith('[cartback] exit intent not shown:'));
    expect(explained.length).toBeGreaterThan(0);
  });

  it('keeps off pages the store excluded', async () => {
    const widget = await openWidgetPage(t, { exitIntent: { exclude: ['/widget*'] } });
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);

    await exitThroughTop(page);
    await expect.poll(() => suppressions(widget), { timeout: 10_000 }).toEqual(['url_excluded']);
    expect(await isModalOpen(page)).toBe(false);
  });

  it('after destroy() opens nothing on an exit', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);

    await page.evaluate(() => (window as WidgetWindow).cartback.destroy());
    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);

    expect(await page.evaluate(() => document.querySelectorAll('cartback-widget').length)).toBe(0);
    expect(widget.sent('exit_intent_shown')).toEqual([]);
    expect(widget.watch.pageErrors).toEqual([]);
  });

  it('destroy() removes the open modal and its element, and its keyboard handling', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await page.focus('#focus-me');
    await page.evaluate(() => (window as WidgetWindow).cartback.showExitIntent());
    await waitForModal(page);

    await page.evaluate(() => (window as WidgetWindow).cartback.destroy());
    expect(await page.evaluate(() => document.querySelectorAll('cartback-widget').length)).toBe(0);
    // A focus trap left behind would swallow the page's own Tab key.
    await page.focus('#focus-me');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('size');
    expect(widget.watch.pageErrors).toEqual([]);
  });
});
