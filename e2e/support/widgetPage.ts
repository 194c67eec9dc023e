import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForCartback, type CartbackApi, type CartItem } from './cartbackPage';
import type { BrowserTests } from './setupBrowserTests';
import type { PageWatch } from './watchPage';

/** The runtime API with the widget's calls (PRODUCT.md), typed for page.evaluate. */
export interface WidgetApi extends CartbackApi {
  showExitIntent(): Promise<void>;
  purchase(order: { orderId: string; value?: number }): unknown;
  identify(traits: Record<string, unknown>): unknown;
  flush(): Promise<void>;
}
export type WidgetWindow = Window & typeof globalThis & { cartback: WidgetApi };

/** An event as the site's /events endpoint received it (the fields these tests read). */
export interface SentEvent {
  id: string;
  type: string;
  page: { url: string };
  traits?: { email?: string };
  [field: string]: unknown;
}

export interface WidgetPage {
  page: Page;
  watch: PageWatch;
  context: BrowserContext;
  /** Marks this test's page URL (`&run=`), so its events can be told from other tests'. */
  run: string;
  /** The events this page has sent so far (one per id), of `type` if given. */
  sent(type?: string): SentEvent[];
}

/** Mug ×2 at 12.50 and tea ×1 at 7.25: €32.25 in all. */
export const MUG = { id: 'mug', name: 'Blue mug', price: 12.5, quantity: 2, image: '/mug.svg' };
export const TEA = { id: 'tea', name: 'Green tea', price: 7.25, quantity: 1 };

/** `/widget.html` with `config` merged over its defaults (see e2e/fixtures/widgetConfig.js). */
export async function openWidgetPage(
  t: BrowserTests,
  config: Record<string, unknown> = {},
  options: { context?: BrowserContext; hostile?: boolean } = {},
): Promise<WidgetPage> {
  const run = randomUUID();
  const query = `?config=${encodeURIComponent(JSON.stringify(config))}${options.hostile ? '&hostile=1' : ''}&run=${run}`;
  const opened = await t.openPage('/widget.html' + query, { context: options.context });
  await waitForCartback(opened.page);
  return { ...opened, run, sent: (type?: string) => sentFrom(t, run, type) };
}

/**
 * The events the site received from pages whose URL carries `run`, of `type` if given. Delivery
 * is at-least-once (a beacon at a reload may repeat a batch): one event per id.
 */
export function sentFrom(t: BrowserTests, run: string, type?: string): SentEvent[] {
  return [
    ...new Map(
      t.site.received
        .flatMap((body) => (body as { events?: SentEvent[] }).events ?? [])
        .filter((event) => event.page?.url?.includes(run) && (!type || event.type === type))
        .map((event) => [event.id, event]),
    ).values(),
  ];
}

export function addItems(page: Page, items: Array<Partial<CartItem>>): Promise<void> {
  return page.evaluate((lines) => {
    for (const line of lines) if (!(window as WidgetWindow).cartback.cart.add(line)) throw new Error(`not added: ${JSON.stringify(line)}`);
  }, items);
}

/** Whether the page has fetched the widget chunk (the idle prefetch, or an open). */
export function hasWidgetChunk(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith('/cartback-widget.js')),
  );
}

/** Waits for the idle prefetch of `cartback-widget.js`, then two frames for the module to run. */
export async function waitForWidgetChunk(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith('/cartback-widget.js')),
  );
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * The shopper heads for the tab strip: the real mouse, from the middle of the page to above
 * the viewport. Chromium then fires `mouseout` on the document with no relatedTarget and
 * clientY -10, as it does for a real pointer leaving the window (checked in this harness).
 */
export async function exitThroughTop(page: Page, x = 640): Promise<void> {
  await page.mouse.move(x, 300);
  await page.mouse.move(x, 120, { steps: 4 });
  await page.mouse.move(x, -10);
}

/** The modal's dialog, through `<cartback-widget>`'s open shadow root (locators pierce it). */
export const dialog = (page: Page): Locator => page.locator('cartback-widget [part=dialog]');
export const part = (page: Page, name: string): Locator => page.locator(`cartback-widget [part=${name}]`);

/**
 * Whether `[part=<name>]` is in the widget's shadow root and shown right now: not the unseen
 * rehearsal of the modal's first showing (`visibility: hidden`, see rehearse).
 */
export const hasPart = (page: Page, name: string): Promise<boolean> =>
  page.evaluate(
    (name) =>
      !!document
        .querySelector('cartback-widget')
        ?.shadowRoot?.querySelector(`[part=${name}]`)
        ?.checkVisibility({ visibilityProperty: true }),
    name,
  );

/** Waits until `[part=<name>]` is (or, with `present` false, is no longer) shown (see hasPart). */
export async function waitForPart(page: Page, name: string, present = true): Promise<void> {
  await page.waitForFunction(
    ([name, present]) =>
      present ==
      !!document
        .querySelector('cartback-widget')
        ?.shadowRoot?.querySelector(`[part=${name}]`)
        ?.checkVisibility({ visibilityProperty: true }),
    [name, present] as const,
  );
}

export const isModalOpen = (page: Page) => hasPart(page, 'dialog');
export const waitForModal = (page: Page) => waitForPart(page, 'dialog');
export const waitForModalClosed = (page: Page) => waitForPart(page, 'dialog', false);

export function showExitIntent(page: Page): Promise<void> {
  return page.evaluate(() => (window as WidgetWindow).cartback.showExitIntent());
}

/** Waits until the page has sent an event of `type` and returns the first one. */
export async function waitForSent(widget: WidgetPage, type: string): Promise<SentEvent> {
  await expect.poll(() => widget.sent(type).length, { timeout: 10_000, message: `${type} sent` }).toBeGreaterThan(0);
  return widget.sent(type)[0]!;
}

/** The `reason`s of the `widget_suppressed` events sent so far. */
export const suppressions = (widget: WidgetPage): unknown[] => widget.sent('widget_suppressed').map((event) => event.reason);
