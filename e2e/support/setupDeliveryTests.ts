import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { waitForCartback } from './cartbackPage';
import { launchBrowser } from './launchBrowser';
import { startCollector, type RunningCollector } from './startCollector';
import { startFlakyEndpoint, type FlakyEndpoint } from './startFlakyEndpoint';
import { startStore, type Store } from './startStore';
import { watchPage, type PageWatch } from './watchPage';

export interface DeliveryTests {
  readonly browser: Browser;
  readonly store: Store;
  /** The real collector, fresh for each test. */
  readonly collector: RunningCollector;
  /** The endpoint the SDK is given: records everything, forwards to the collector unless told to fail. */
  readonly front: FlakyEndpoint;
  newContext(): Promise<BrowserContext>;
  /** Opens a store page with `config` merged over the default one and waits for `cartback.ready`. */
  openStore(
    path: string,
    options?: { context?: BrowserContext; config?: Record<string, unknown>; initScripts?: Array<() => void> },
  ): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }>;
}

/** One browser and store per file; a fresh collector, front and browser context per test. */
export function setupDeliveryTests(launch: () => Promise<Browser> = launchBrowser): DeliveryTests {
  let browser: Browser | undefined;
  let store: Store | undefined;
  let collector: RunningCollector | undefined;
  let front: FlakyEndpoint | undefined;
  const contexts: BrowserContext[] = [];
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (did a hook fail?)`);
    return value;
  };

  beforeAll(async () => {
    [browser, store] = await Promise.all([launch(), startStore()]);
  });
  beforeEach(async () => {
    collector = await startCollector();
    front = await startFlakyEndpoint(collector.endpoint);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await front?.close();
    await collector?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  const tests: DeliveryTests = {
    get browser() {
      return need(browser, 'the browser');
    },
    get store() {
      return need(store, 'the store');
    },
    get collector() {
      return need(collector, 'the collector');
    },
    get front() {
      return need(front, 'the flaky endpoint');
    },
    async newContext() {
      const context = await tests.browser.newContext();
      contexts.push(context);
      return context;
    },
    async openStore(path, options = {}) {
      tests.store.config = { endpoint: tests.front.url, currency: 'EUR', locale: 'en', ...options.config };
      const context = options.context ?? (await tests.newContext());
      const page = await context.newPage();
      const watch = await watchPage(page);
      for (const script of options.initScripts ?? []) await page.addInitScript(script);
      await page.goto(new URL(path, tests.store.url).href);
      await waitForCartback(page);
      return { page, context, watch };
    },
  };
  return tests;
}
