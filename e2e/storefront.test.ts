import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../examples/startDemo';
import { getCart, waitForCartback } from './support/cartbackPage';
import { launchBrowser } from './support/launchBrowser';
import { watchPage } from './support/watchPage';

// The demo `npm start` serves (storefront + built SDK + collector), on free ports, with the
// storefront's strict Content-Security-Policy header.
let browser: Browser;
let demo: Demo;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cartback-demo-'));
  [browser, demo] = await Promise.all([launchBrowser(), startDemo({ dataDir })]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo storefront', () => {
  it('adds to cart, edits quantities, and checks out, under its CSP', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const watch = await watchPage(page);
    const badge = page.locator('[data-cart-count]');

    await page.goto(`${demo.shopUrl}/`);
    await expect.poll(() => page.locator('[data-add-to-cart]').count()).toBe(6);
    await page.click('[data-add-to-cart="ethiopia-guji"]');
    await page.click('[data-add-to-cart="paper-filters"]');
    await page.click('[data-add-to-cart="ethiopia-guji"]');
    await waitForCartback(page);
    await expect.poll(() => badge.textContent()).toBe('3');

    await page.click('.cart-link');
    await page.waitForSelector('[data-cart-lines]');
    expect(await page.locator('[data-quantity="ethiopia-guji"]').textContent()).toBe('2');
    expect(await page.textContent('[data-cart-total]')).toBe('€34.01');
    await page.click('[data-quantity-increase="paper-filters"]');
    await expect.poll(() => page.textContent('[data-cart-total]')).toBe('€39.02');
    await page.click('[data-quantity-decrease="ethiopia-guji"]');
    await expect.poll(() => page.textContent('[data-cart-total]')).toBe('€24.52');
    await page.click('[data-remove="paper-filters"]');
    await expect.poll(() => page.locator('.cart-line').count()).toBe(1);
    expect(await badge.textContent()).toBe('1');

    await page.click('text=Go to checkout');
    await page.waitForSelector('[data-place-order]:not([disabled])');
    expect(await page.textContent('[data-summary-total]')).toBe('€14.50');
    await page.fill('input[name="email"]', 'ada@example.com');
    await page.click('[data-place-order]');
    await page.waitForSelector('[data-confirmation]:not([hidden])');
    expect(await page.textContent('[data-order-total]')).toBe('€14.50');
    // purchase() clears the cart: the badge disappears.
    await expect.poll(async () => (await getCart(page)).count).toBe(0);
    expect(await page.locator('[data-cart-badge]').isHidden()).toBe(true);

    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.cartbackMessages('error')).toEqual([]);
    await context.close();
  });

  it('serves the SDK at the site root and points config.js at the collector', async () => {
    const config = await (await fetch(`${demo.shopUrl}/config.js`)).text();
    expect(config).toContain(JSON.stringify(demo.endpoint));
    const sdk = await fetch(`${demo.shopUrl}/cartback.js`);
    expect(sdk.status).toBe(200);
    expect(sdk.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(sdk.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${demo.shopUrl}/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
