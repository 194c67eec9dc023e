import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type Demo } from '../examples/startDemo';
import { waitForCartback } from './support/cartbackPage';
import { launchBrowser } from './support/launchBrowser';
import { watchPage } from './support/watchPage';

// The whole loop of `npm start`, with delays of one second: abandon in the demo shop, the
// recovery email arrives at the local mail catcher, its link restores the cart in a fresh
// browser, and the order is attributed to the link.
let browser: Browser;
let demo: Demo;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cartback-recovery-'));
  [browser, demo] = await Promise.all([
    launchBrowser(),
    startDemo({ dataDir, demoDelaysSeconds: [1, 60, 120], shopConfig: { returnGrace: 1000 } }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('emails an abandoned cart whose link restores it, and attributes the order to the link', async () => {
  const shopper = await browser.newContext();
  shopper.setDefaultTimeout(10_000);
  const page = await shopper.newPage();
  await page.goto(`${demo.shopUrl}/`);
  await expect.poll(() => page.locator('[data-add-to-cart]').count()).toBe(6);
  await page.click('[data-add-to-cart="ethiopia-guji"]');
  await page.click('[data-add-to-cart="ethiopia-guji"]');
  await page.click('[data-add-to-cart="paper-filters"]');
  await waitForCartback(page);
  await page.click('.cart-link');
  await page.waitForSelector('[data-cart-lines]');
  await page.fill('[data-reminder-form] input[name="email"]', 'ada@example.com');
  await page.check('[data-reminder-form] input[name="acceptsMarketing"]');
  await page.click('[data-reminder-form] button[type="submit"]');
  // Leaving: the tab closes with the cart full.
  await page.close({ runBeforeUnload: true });

  const [mail] = await demo.mail.waitFor(1, 20_000);
  expect(mail!.to).toBe('ada@example.com');
  expect(mail!.subject).toBe('[demo: 1 s, really 1 h] You left something in your cart');
  expect(mail!.text).toContain('- Ethiopia Guji x 2: €29.00');
  expect(mail!.text).toContain('Total: €34.01');
  const link = /Return to your cart: (\S+)/.exec(mail!.text)![1]!;
  expect(link.startsWith(`${demo.collectorUrl}/r/`)).toBe(true);
  await shopper.close();

  // Another device: nothing stored, the link alone brings the cart back.
  const other = await browser.newContext();
  other.setDefaultTimeout(10_000);
  const restored = await other.newPage();
  const watch = await watchPage(restored);
  await restored.goto(link);
  await restored.waitForSelector('[data-cart-lines]');
  expect(new URL(restored.url()).pathname).toBe('/cart.html');
  expect(restored.url()).not.toContain('cb_recover');
  expect(await restored.locator('[data-quantity="ethiopia-guji"]').textContent()).toBe('2');
  expect(await restored.textContent('[data-cart-total]')).toBe('€34.01');

  await restored.click('text=Go to checkout');
  await restored.waitForSelector('[data-place-order]:not([disabled])');
  await restored.fill('input[name="email"]', 'ada@example.com');
  await restored.click('[data-place-order]');
  await restored.waitForSelector('[data-confirmation]:not([hidden])');

  // The SDK read cb_recover on landing: the order names the link among its touchpoints.
  await expect
    .poll(async () => {
      const { events } = await (await fetch(`${demo.collectorUrl}/api/events?type=order_completed`)).json();
      return events[0]?.event.attribution;
    }, { timeout: 10_000 })
    .toContain('link');

  // The dashboard's funnel: one email sent, its link opened, one recovered order.
  const funnel = await (await fetch(`${demo.collectorUrl}/api/funnel`)).json();
  expect(funnel).toMatchObject({ emailed: [1], clicked: 1, recoveredOrders: 1, recoveredRevenue: { EUR: 34.01 } });
  const emails = (await (await fetch(`${demo.collectorUrl}/api/emails`)).json()).emails;
  expect(emails.find((email: { step: number }) => email.step === 0)).toMatchObject({ status: 'sent', clickedAt: expect.any(String) });
  expect(watch.pageErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
  await other.close();
}, 60_000);
