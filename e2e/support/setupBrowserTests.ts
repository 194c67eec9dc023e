import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './launchBrowser';
import { startSite, type Site } from './startSite';
import { watchPage, type PageWatch } from './watchPage';

export interface BrowserTests {
  readonly site: Site;
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

/** One browser and one site per test file; one browser context per test. */
export function setupBrowserTests(): BrowserTests {
  let browser: Browser | undefined;
  let site: Site | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const tests: BrowserTests = {
    get site() {
      if (!site) throw new Error('the site is not started (beforeAll failed?)');
      return site;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched (beforeAll failed?)');
      return browser;
    },
    async newContext() {
      const context = await tests.browser.newContext();
      // Below the test timeout, so a stuck step fails with its own message.
      context.setDefaultTimeout(10_000);
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
