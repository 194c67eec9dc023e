import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getScriptTime, startTrace } from '../bench/traceScripts';
import { waitForCartback } from './support/cartbackPage';
import { setupBrowserTests } from './support/setupBrowserTests';
import { hasWidgetChunk, MUG, type WidgetWindow } from './support/widgetPage';

const t = setupBrowserTests();

/** A phone about four times slower than this machine's core (PRODUCT.md: no long task at page load). */
const SLOWDOWN = 4;
/**
 * At load of an empty cart, cartback.js's cold start measured 34 to 57 ms here on 2026-12-05
 * (median of three visitors), 40 and 41 once reads stopped opening the database, and 31 once
 * the saved cart was read in a task of its own instead of the script's: every phase now holds
 * this budget (see docs/benchmarks.md for the throttled measurement). After the first add the
 * longest was the rehearsal of the modal (37 to 52 here, 58 on a CI machine), 28 once it was
 * split in two idle tasks (rehearse).
 */
const LONG_TASK_MS = 50;

/**
 * The CPU time of each main-thread task that cartback's files ran in while `during` ran, from a
 * Chromium trace (see bench/traceScripts). Thread time, not wall time: another process on a
 * busy machine does not stretch it, so this budget holds on a loaded CI machine; the timings
 * against the peers, under real CPU throttling, are `npm run bench`'s.
 */
async function cartbackTasks(page: Page, during: () => Promise<unknown>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const stop = await startTrace(cdp);
  await during();
  const own = (url: string) => /\/cartback[\w-]*\.js$/.test(new URL(url, 'http://x').pathname);
  return getScriptTime(await stop(), own).taskCpuMs;
}

const settle = (page: Page) => page.waitForTimeout(1000);

/** Three fresh visitors: a cold start's compile varies by a few ms of CPU from one load to the next. */
const VISITS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('no long task on a slow phone', () => {
  it('at load with an empty cart, after the first add (widget chunk fetched and prepared), and at load with a saved cart', async () => {
    const visits: Record<string, number>[] = [];
    for (let visit = 0; visit < VISITS; visit++) {
      const context = await t.newContext();
      const page = await context.newPage();
      const phases: Record<string, number[]> = {};
      phases['empty cart'] = await cartbackTasks(page, async () => {
        await page.goto(`${t.site.url}/widget.html`);
        await waitForCartback(page);
        await settle(page);
      });
      expect(phases['empty cart']!.length, 'the trace saw cartback.js run').toBeGreaterThan(0);
      phases['first add'] = await cartbackTasks(page, async () => {
        await page.evaluate((item) => void (window as WidgetWindow).cartback.cart.add(item), MUG);
        await expect.poll(() => hasWidgetChunk(page)).toBe(true);
        await settle(page);
      });
      phases['saved cart'] = await cartbackTasks(page, async () => {
        await page.reload();
        await waitForCartback(page);
        await settle(page);
      });
      await context.close();
      visits.push(Object.fromEntries(Object.entries(phases).map(([phase, tasks]) => [phase, Math.round(Math.max(0, ...tasks) * SLOWDOWN)])));
    }

    const slowest = Object.fromEntries(Object.keys(visits[0]!).map((phase) => [phase, median(visits.map((visit) => visit[phase]!))]));
    console.log(`[e2e] cartback's longest task ×${SLOWDOWN} (ms of CPU), median of ${VISITS} visitors:`, slowest, visits);
    for (const [phase, ms] of Object.entries(slowest)) expect(ms, phase).toBeLessThanOrEqual(LONG_TASK_MS);
  }, 90_000);
});
