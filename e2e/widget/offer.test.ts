import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForCartback } from '../support/cartbackPage';
import { setupBrowserTests } from '../support/setupBrowserTests';
import {
  addItems,
  MUG,
  openWidgetPage,
  part,
  showExitIntent,
  waitForModal,
  waitForSent,
} from '../support/widgetPage';

const t = setupBrowserTests();

/** The countdown's `mm:ss` (or `h:mm:ss`) in seconds; NaN when there is none. */
async function readCountdown(page: Page): Promise<number> {
  if (!(await part(page, 'countdown').count())) return NaN;
  const text = (await part(page, 'countdown').textContent()) ?? '';
  const match = /(?:(\d+):)?(\d{1,2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`no mm:ss in the countdown ${JSON.stringify(text)}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

async function reloadAndShow(page: Page): Promise<void> {
  await page.reload();
  await waitForCartback(page);
  await showExitIntent(page);
  await waitForModal(page);
}

describe('the offer in the exit-intent modal', () => {
  it('shows the code, and a countdown that a reload does not restart', async () => {
    const widget = await openWidgetPage(t, { offer: { code: 'SAVE10', percentOff: 10, validFor: 600_000 } });
    const { page } = widget;
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    const shownAt = Date.now();

    expect(await part(page, 'code').textContent()).toContain('SAVE10');
    expect(await part(page, 'offer').textContent()).toContain('10');
    const first = await readCountdown(page);
    expect(first).toBeGreaterThanOrEqual(598);
    expect(first).toBeLessThanOrEqual(600);
    // The display ticks: two seconds later it reads two seconds less.
    await expect.poll(() => readCountdown(page), { timeout: 5_000 }).toBeLessThanOrEqual(first - 2);
    expect(JSON.stringify((await waitForSent(widget, 'exit_intent_shown')).offer)).toContain('SAVE10');

    await reloadAndShow(page);
    const elapsed = (Date.now() - shownAt) / 1000;
    const afterReload = await readCountdown(page);
    console.log(`[e2e] offer countdown: ${first} s at first show, ${afterReload} s after a reload ${elapsed.toFixed(1)} s later`);
    // Not restarted (that would read 599–600), and not off by more than the rounding.
    expect(afterReload).toBeLessThanOrEqual(first - 2);
    expect(afterReload).toBeGreaterThanOrEqual(first - Math.ceil(elapsed) - 1);
  });

  it('is gone once it has expired, also after a reload', async () => {
    const { page } = await openWidgetPage(t, { offer: { code: 'SAVE10', percentOff: 10, validFor: 1000 } });
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    expect(await part(page, 'code').textContent()).toContain('SAVE10');
    expect(await readCountdown(page)).toBeLessThanOrEqual(1);

    // Until the deadline: the countdown reaches zero, or the offer goes away by itself.
    await expect
      .poll(async () => (await part(page, 'code').count()) === 0 || (await readCountdown(page)) === 0, { timeout: 5_000 })
      .toBe(true);

    await reloadAndShow(page);
    expect(await part(page, 'offer').count()).toBe(0);
    expect(await part(page, 'code').count()).toBe(0);
    expect(await part(page, 'countdown').count()).toBe(0);
  });

  it('without validFor shows the code and no countdown', async () => {
    const { page } = await openWidgetPage(t, { offer: { code: 'WELCOME', percentOff: 5 } });
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);

    expect(await part(page, 'code').textContent()).toContain('WELCOME');
    expect(await part(page, 'countdown').count()).toBe(0);
  });
});
