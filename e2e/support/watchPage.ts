import type { Page } from 'playwright-core';

export interface ConsoleEntry {
  type: string;
  text: string;
}

export interface PageWatch {
  console: ConsoleEntry[];
  /** Uncaught exceptions as Playwright sees them (`pageerror`). */
  pageErrors: Error[];
  /** Console messages of `type` that start with "[cartback]". */
  cartbackMessages(type: 'error' | 'warning' | 'log' | 'info' | 'debug'): ConsoleEntry[];
  /** What reached window.onerror / unhandledrejection, as recorded inside the page. */
  windowErrors(): Promise<string[]>;
  /** Content-Security-Policy violations reported inside the page. */
  cspViolations(): Promise<string[]>;
}

interface Recorder {
  __testErrors: string[];
  __testCspViolations: string[];
}

/** Runs in the page before any of its scripts. Self-contained: it is serialised. */
function recordPageProblems(): void {
  const recorder = window as unknown as Recorder;
  recorder.__testErrors = [];
  recorder.__testCspViolations = [];
  window.addEventListener('error', (event) => {
    recorder.__testErrors.push(`error: ${event.message}`);
  });
  window.addEventListener('unhandledrejection', (event) => {
    recorder.__testErrors.push(`unhandledrejection: ${String(event.reason)}`);
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    recorder.__testCspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
}

/** Starts recording console output and errors; call before the page navigates. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const entries: ConsoleEntry[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (message) => entries.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.addInitScript(recordPageProblems);
  return {
    console: entries,
    pageErrors,
    cartbackMessages: (type) => entries.filter((entry) => entry.type === type && entry.text.startsWith('[cartback]')),
    windowErrors: () => page.evaluate(() => (window as unknown as Recorder).__testErrors),
    cspViolations: () => page.evaluate(() => (window as unknown as Recorder).__testCspViolations),
  };
}

/**
 * Asserting that something did NOT happen (a second warning, a late error) needs a bounded
 * observation window; this is that window, not a wait for work to finish.
 */
export function observeQuietPeriod(page: Page, ms = 300): Promise<void> {
  return page.waitForTimeout(ms);
}
