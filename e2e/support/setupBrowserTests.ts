import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './launchBrowser';
import { startSite, type Site } from './startSite';
import { watchPage, type PageWatch } from './watchPage';

/** What the tests open pages on: the fixture site, a fixture platform store, the demo... */
export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash): pages are opened relative to it. */
  url: string;
  close(): Promise<void>;
}

export interface BrowserTests<S extends TestServer = Site> {
  readonly site: S;
  readonly browser: Browser;
  /** A fresh profile (its own IndexedDB), closed after the test. */
  newContext(): Promise<BrowserContext>;
  /** A page in `context` (a new one by default) with console/error recording and init scripts. */
  openPage(path: string, options?: { context?: BrowserContext; initScripts?: Array<() => void> }): Promise<{
    page: Page;
    watch: PageWatch;
    context: BrowserContext;
  }>;
}

/**
 * One browser and one server per test file (the fixture site unless `start` gives another);
 * one browser context per test. `timeout` is each context's default, below the test timeout,
 * so a stuck step fails with its own message.
 */
export function setupBrowserTests(): BrowserTests;
export function setupBrowserTests<S extends TestServer>(start: () => Promise<S>, timeout?: number): BrowserTests<S>;
export function setupBrowserTests(start: () => Promise<TestServer> = startSite, timeout = 10_000): BrowserTests<TestServer> {
  let browser: Browser | undefined;
  let site: TestServer | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), start()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const tests: BrowserTests<TestServer> = {
    get site() {
      if (!site) throw new Error('the server is not started (beforeAll failed?)');
      return site;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched (beforeAll failed?)');
      return browser;
    },
    async newContext() {
      const context = await tests.browser.newContext();
      context.setDefaultTimeout(timeout);
      contexts.push(context);
      return context;
    },
    async openPage(path, options = {}) {
      const context = options.context ?? (await tests.newContext());
      const page = await context.newPage();
      const watch = await watchPage(page);
      for (const script of options.initScripts ?? []) await page.addInitScript(script);
      await page.goto(new URL(path, tests.site.url).href);
      return { page, watch, context };
    },
  };
  return tests;
}
