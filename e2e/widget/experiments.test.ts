// Experiments against the built files: a visitor in the holdout, a forced arm, and the
// collector's experiments page, with the real collector receiving the events.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isBannerShown, leaveWithCart, RETURN_GRACE } from '../support/bannerPage';
import { waitForCartback } from '../support/cartbackPage';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { startCollector, type RunningCollector } from '../support/startCollector';
import type { Site } from '../support/startSite';
import { observeQuietPeriod } from '../support/watchPage';
import {
  addItems,
  dialog,
  exitThroughTop,
  isModalOpen,
  MUG,
  openWidgetPage,
  sentFrom,
  waitForModal,
  waitForSent,
  waitForWidgetChunk,
  type WidgetWindow,
} from '../support/widgetPage';

const t = setupBrowserTests();
let collector: RunningCollector | undefined;
afterEach(async () => {
  (t.site as Site).forwardTo = undefined;
  await collector?.close();
  collector = undefined;
});

const QUIET = 600;
// Every visitor draws the holdout: the only variant is closed to new visitors (weight 0),
// so the test does not depend on the random anonymous id. cb_arm can still force it.
const experiments = [{ id: 'exit-offer', holdout: 0.5, variants: [{ id: 'modal', weight: 0, offer: { code: 'TEN', percentOff: 10 } }] }];

describe('experiments', () => {
  it('keeps the modal and the banner from a visitor in the holdout, while its exposures and order reach the collector with its arm', async () => {
    collector = await startCollector();
    // The page sends to its own origin (its CSP allows no other), which forwards to the collector.
    (t.site as Site).forwardTo = collector.endpoint;
    const config = { experiments, returnGrace: RETURN_GRACE };
    // A return visit: the moment of the banner; then an exit: the moment of the modal.
    const { context } = await leaveWithCart(t, config);
    const back = await openWidgetPage(t, config, { context });
    const { page } = back;
    await waitForWidgetChunk(page);
    await exitThroughTop(page);
    await observeQuietPeriod(page, QUIET);
    expect(await isBannerShown(page)).toBe(false);
    expect(await isModalOpen(page)).toBe(false);
    expect(await page.evaluate(() => !!document.querySelector('cartback-widget'))).toBe(false);

    await page.evaluate(() => (window as WidgetWindow).cartback.purchase({ orderId: 'order-1', value: 25 }));
    await page.evaluate(() => (window as WidgetWindow).cartback.flush());
    await expect.poll(async () => (await collector!.stored('order_completed')).length, { timeout: 10_000 }).toBe(1);

    const exposures = await collector.stored('experiment_exposed');
    expect(exposures.map((e) => [e.widget, e.arm, e.experimentId, e.forced]).sort()).toEqual([
      ['banner', 'holdout', 'exit-offer', undefined],
      ['exit_intent', 'holdout', 'exit-offer', undefined],
    ]);
    expect(exposures[0].shares).toEqual({ holdout: 0.5, modal: 0 });
    const suppressed = await collector.stored('widget_suppressed');
    expect(suppressed.map((e) => [e.widget, e.reason]).sort()).toEqual([
      ['banner', 'holdout'],
      ['exit_intent', 'holdout'],
    ]);
    expect(await collector.stored('exit_intent_shown')).toEqual([]);
    expect(await collector.stored('banner_shown')).toEqual([]);
    // Every event carries the arm: the cart's, the abandonment's, the order's.
    for (const event of await collector.stored()) expect(event.context).toMatchObject({ experiments: { 'exit-offer': 'holdout' } });

    const results = await (await fetch(`${collector.url}/api/experiments/exit-offer`)).json();
    expect(results.arms.map((arm: any) => [arm.arm, arm.visitors, arm.converted, arm.revenue])).toEqual([
      ['holdout', 1, 1, 25],
      ['modal', 0, 0, 0],
    ]);
  });

  it('forces an arm with cb_arm, removes it from the address bar, and keeps it on the next page', async () => {
    const run = randomUUID();
    const query = `?config=${encodeURIComponent(JSON.stringify({ experiments, debug: true }))}&run=${run}`;
    const { page, watch } = await t.openPage(`/widget.html${query}&cb_arm=exit-offer%3Amodal`);
    await waitForCartback(page);
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);
    expect(page.url()).not.toContain('cb_arm');
    expect(page.url()).toContain(`run=${run}`);
    await exitThroughTop(page);
    await waitForModal(page);
    await expect.poll(() => dialog(page).textContent()).toContain('TEN'); // the arm's offer
    const widget = { page, watch, context: page.context(), run, sent: (type?: string) => sentFrom(t, run, type) };
    const shown = await waitForSent(widget, 'exit_intent_shown');
    expect(shown.offer).toBe('TEN');
    expect(shown.context).toMatchObject({ experiments: { 'exit-offer': 'modal' } });
    expect((await waitForSent(widget, 'experiment_exposed')) as Record<string, unknown>).toMatchObject({ arm: 'modal', widget: 'exit_intent', forced: true });
    expect(watch.console.some((entry) => entry.text.includes('experiment "exit-offer": arm "modal" (forced by the cb_arm parameter)'))).toBe(true);

    // The next page of the same browser, without the parameter: still forced.
    await page.goto(`${new URL(page.url()).origin}/widget.html${query}`);
    await waitForCartback(page);
    await page.evaluate(() => (window as WidgetWindow & { cartback: { checkoutStarted(): void } }).cartback.checkoutStarted());
    const checkout = await waitForSent(widget, 'checkout_started');
    expect(checkout.page.url).not.toContain('cb_arm');
    expect(checkout.context).toMatchObject({ experiments: { 'exit-offer': 'modal' } });
  });
});
