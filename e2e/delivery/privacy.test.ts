import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, type TestWindow } from '../support/cartbackPage';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, observeQuietly, readIdbKeys, recordEmitted, threeItems, waitForEmitted } from '../support/storePage';

const t = setupDeliveryTests();

type ConsentWindow = TestWindow & { cartback: { consent(state: 'granted' | 'denied'): Promise<void> } };
const consent = (page: Page, state: 'granted' | 'denied') =>
  page.evaluate((s) => (window as ConsentWindow).cartback.consent(s), state);

/** A cart made under `requireConsent`, with its coalesced snapshot created (in memory only). */
async function cartAwaitingConsent(): Promise<{ page: Page; updateId: string }> {
  const { page } = await t.openStore('/', { config: { requireConsent: true } });
  await recordEmitted(page);
  await addItems(page, threeItems);
  const [updateId] = await waitForEmitted(page, 'cart_updated');
  // Past the 1 s delivery delay and the write-behind: anything that would go out has had its chance.
  await observeQuietly(1_500);
  expect(t.front.requests).toEqual([]);
  expect(await readIdbKeys(page)).toEqual([]);
  return { page, updateId: updateId! };
}

describe('consent', () => {
  it('stores and sends nothing until consent is granted, then stores and sends what was kept in memory', async () => {
    const { page, updateId } = await cartAwaitingConsent();
    expect((await getCart(page)).count).toBe(7);

    await consent(page, 'granted');
    await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);
    await expect.poll(() => readIdbKeys(page)).toContain('cart');
    const [stored] = await t.collector.stored('cart_updated');
    console.log(`[e2e] consent recorded on the snapshot made before consent: ${JSON.stringify(stored!.context)}`);
  });

  it('leaves nothing stored and sends nothing after consent is denied, even on tab close', async () => {
    const { page } = await cartAwaitingConsent();
    await consent(page, 'denied');
    expect(await readIdbKeys(page)).toEqual([]);
    await addItems(page, threeItems.slice(0, 1));
    await page.close({ runBeforeUnload: false });
    await observeQuietly(1_500);
    expect(t.front.requests).toEqual([]);
    // Nor did the closing page write anything: a new page of the store finds the database empty.
    const { page: next } = await t.openStore('/', { config: { requireConsent: true } });
    expect(await readIdbKeys(next)).toEqual([]);
    expect((await getCart(next)).count).toBe(0);
  });

  it('deletes what it stored when consent granted earlier is withdrawn', async () => {
    const { page, updateId } = await cartAwaitingConsent();
    await consent(page, 'granted');
    await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(updateId);
    await expect.poll(() => readIdbKeys(page)).toContain('cart');

    await consent(page, 'denied');
    expect(await readIdbKeys(page)).toEqual([]);
    const sentBefore = t.front.requests.length;
    await addItems(page, threeItems.slice(0, 1));
    await waitForEmitted(page, 'cart_updated', 2);
    await observeQuietly(1_500);
    expect(t.front.requests.length).toBe(sentBefore);
    expect(await readIdbKeys(page)).toEqual([]);
  });
});

describe('Global Privacy Control', () => {
  const gpcOn = () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });

  it('keeps the cart working but sends no request to the endpoint at all, including on tab close', async () => {
    const { page, context } = await t.openStore('/', { initScripts: [gpcOn] });
    expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
    await recordEmitted(page);
    await addItems(page, threeItems);
    expect(await getCart(page)).toMatchObject({ count: 7, value: 91.9 });
    await waitForEmitted(page, 'cart_updated');

    // The cart still survives a reload (it is the shopper's, kept on their device).
    await page.reload();
    await page.waitForFunction(() => (window as TestWindow).cartback?.cart?.count === 7, null, { timeout: 10_000 });
    await page.goto(new URL('/product.html', t.store.url).href);
    await page.waitForFunction(() => (window as TestWindow).cartback?.cart?.count === 7, null, { timeout: 10_000 });
    const other = await context.newPage();
    await page.close({ runBeforeUnload: false });
    await observeQuietly(2_000);
    await other.close();

    expect(t.front.requests).toEqual([]);
    expect(await t.collector.stored()).toEqual([]);
  });
});
