import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { getScriptTime, startTrace, type ScriptTime } from './traceScripts';

/** Long tasks (> 50 ms) as the page's own PerformanceObserver sees them, from its first script on. */
const OBSERVE_LONG_TASKS = () => {
  const w = window as unknown as { benchLongTasks: number[] };
  w.benchLongTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.benchLongTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
};

export interface ThrottledPage {
  page: Page;
  rate: number;
  cdp: CDPSession;
  /** Durations of the long tasks since `from` (an index into the list), in ms. */
  longTasks(from?: number): Promise<number[]>;
}

/** A new tab in `context`, its CPU slowed `rate` times (CDP Emulation.setCPUThrottlingRate). */
export async function openThrottled(context: BrowserContext, rate: number): Promise<ThrottledPage> {
  const page = await context.newPage();
  // tsx compiles the functions this bench evaluates in the page with esbuild's keepNames,
  // which calls a `__name` helper the page does not have.
  await page.addInitScript('globalThis.__name = (fn) => fn');
  await page.addInitScript(OBSERVE_LONG_TASKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return {
    page,
    rate,
    cdp,
    longTasks: (from = 0) => page.evaluate((i) => (window as unknown as { benchLongTasks: number[] }).benchLongTasks.slice(i), from),
  };
}

export interface LoadResult {
  /** When the page's library said it was ready (or `load`, whichever is later), ms from navigation start. */
  readyMs: number;
  /** The `load` event's end, ms from navigation start. */
  loadMs: number;
  longTasks: number[];
  /** Main-thread time of the tasks the subject's scripts caused (getScriptTime). */
  scripts: ScriptTime;
}

/**
 * The subject's script files: those the bench serves (under /dist/, /nm/, /segment/). Not the
 * page itself: its tasks (parsing the HTML, the few lines of inline glue) are every page's.
 */
export const isBenchScript = (origin: string) => (url: string) => url.startsWith(origin) && /^\/(dist|nm|segment)\//.test(new URL(url).pathname);

/** Traces what `during` makes the page do (see getScriptTime). */
export async function traceScripts(tab: ThrottledPage, origin: string, during: () => Promise<unknown>): Promise<ScriptTime> {
  const stop = await startTrace(tab.cdp);
  await during();
  return getScriptTime(await stop(), isBenchScript(origin));
}

/** Loads `url` in `tab` and waits for the library's ready point, then `settleMs` of idle work. */
export async function measureLoad(tab: ThrottledPage, url: string, settleMs: number): Promise<LoadResult> {
  // An empty page of the same origin first, so that the measured load stays in the renderer
  // process whose counters are read before it (a new origin may start a new process).
  await tab.page.goto(new URL('/warm', url).href);
  const scripts = await traceScripts(tab, new URL(url).origin, async () => {
    await tab.page.goto(url, { waitUntil: 'load' });
    await tab.page.waitForFunction(() => (window as unknown as { benchReadyAt?: number }).benchReadyAt !== undefined, undefined, { timeout: 20_000 });
    await tab.page.waitForTimeout(settleMs);
  });
  const { readyMs, loadMs } = await tab.page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const readyAt = (window as unknown as { benchReadyAt: number }).benchReadyAt;
    return { readyMs: Math.max(readyAt, nav.loadEventEnd), loadMs: nav.loadEventEnd };
  });
  return {
    readyMs,
    loadMs,
    longTasks: await tab.longTasks(),
    scripts,
  };
}
