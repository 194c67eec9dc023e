import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getCart, waitForCartback, type TestWindow } from './support/cartbackPage';
import { setupDeliveryTests } from './support/setupDeliveryTests';
import { readIdbKeys } from './support/storePage';
import { observeQuietPeriod, watchPage, type PageWatch } from './support/watchPage';

// Data the SDK did not write, or wrote under another version: odd config keys, a malformed
// outbox record, a malformed message from another tab, a value IndexedDB cannot clone. Each
// is reported, none throws into the page, and the SDK keeps working.

const t = setupDeliveryTests();

const mug = { id: 'mug', name: 'Mug', price: 12.5, quantity: 1 };

type FlushingWindow = TestWindow & { cartback: { flush(): Promise<void> } };

/** cart.add still works, and nothing reached the page as an uncaught error. */
async function expectWorkingAndQuiet(page: Page, watch: PageWatch): Promise<void> {
  expect(await page.evaluate((item) => (window as TestWindow).cartback.cart.add(item), mug)).toBe(true);
  expect((await getCart(page)).items).toContainEqual(expect.objectContaining({ id: 'mug' }));
  await observeQuietPeriod(page, 300);
  expect(watch.pageErrors).toEqual([]);
  expect(await watch.windowErrors()).toEqual([]);
}

const warnings = (watch: PageWatch, pattern: RegExp) => watch.cartbackMessages('warning').filter((m) => pattern.test(m.text));

/** Writes `records` into the SDK's own database, as another SDK version (or a person) might have. */
function plantRecords(page: Page, records: Array<[string, unknown]>): Promise<void> {
  return page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cartback');
        // On a first visit there is no database yet: the SDK creates it at its first write.
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          for (const [key, value] of list) tx.objectStore('kv').put(value, key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

describe('config keys named like Object.prototype members', () => {
  it('from window.cartbackConfig: unknown-option warnings, and the SDK starts', async () => {
    const { page, watch } = await t.openStore('/', { config: { constructor: 'x', toString: 'y', hasOwnProperty: 1, valueOf: null } });
    await expect.poll(() => warnings(watch, /is not an option cartback knows/).map((m) => m.text.split(' ')[1])).toEqual([
      'config.constructor',
      'config.toString',
      'config.hasOwnProperty',
      'config.valueOf',
    ]);
    await expectWorkingAndQuiet(page, watch);
    // Started for real: the change is stored and sent.
    await expect.poll(async () => (await t.collector.stored('cart_updated')).length, { timeout: 10_000 }).toBe(1);
    expect(watch.cartbackMessages('error')).toEqual([]);
  });

  it('from data-* attributes (data-constructor, data-to-string, data-__proto__ ...): the same', async () => {
    const { page, watch } = await t.openStore('/hostile-attributes.html');
    await expect.poll(() => warnings(watch, /is not an option cartback knows/).map((m) => m.text.split(' ')[1]).sort()).toEqual(
      ['config.__proto__', 'config.constructor', 'config.hasOwnProperty', 'config.toString'],
    );
    await expectWorkingAndQuiet(page, watch);
    await expect.poll(async () => (await t.collector.stored('cart_updated')).length, { timeout: 10_000 }).toBe(1);
    expect(watch.cartbackMessages('error')).toEqual([]);
  });
});

describe('window.cartbackConfig that is not a plain object', () => {
  it('an array: one error naming the config, not its items as options, and an inert API that answers', async () => {
    const page = await (await t.newContext()).newPage();
    const watch = await watchPage(page);
    t.store.config = ['endpoint', t.front.url] as unknown as Record<string, unknown>;
    await page.goto(t.store.url + '/');
    await waitForCartback(page);
    await expect.poll(() => watch.cartbackMessages('error').map((m) => m.text)).toEqual([expect.stringMatching(/^\[cartback\] config must be an object like \{ endpoint/)]);
    expect(warnings(watch, /is not an option/)).toEqual([]);
    await expectWorkingAndQuiet(page, watch);
  });
});

describe('a malformed event record in the outbox', () => {
  it('is deleted and reported once; the well-formed events are delivered', async () => {
    const { page, watch } = await t.openStore('/');
    // A well-formed event, as an earlier page would have left it, and three that are not.
    const good = await page.evaluate(() => ({
      id: crypto.randomUUID(),
      type: 'checkout_started',
      time: new Date().toISOString(),
      anonymousId: crypto.randomUUID(),
      sessionId: crypto.randomUUID(),
      page: { url: location.href, path: '/', title: document.title, referrer: '' },
      context: { library: { name: 'cartback', version: '0.0.0-test' }, locale: 'en', consent: 'not_required' },
    }));
    await plantRecords(page, [
      [`event:${good.id}`, good],
      ['event:no-time', { ...good, id: 'no-time', time: undefined }],
      ['event:bad-time', { ...good, id: 'bad-time', time: 'last tuesday' }],
      ['event:null', null],
    ]);

    await page.reload();
    await expect.poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 10_000 }).toContain(good.id);
    await expect.poll(() => warnings(watch, /corrupt_record|not events/).length).toBe(1);
    expect(warnings(watch, /not events/)[0]?.text).toMatch(/^\[cartback\] the outbox held 3 record\(s\) that are not events/);
    await expect.poll(() => readIdbKeys(page)).not.toContain('event:null');
    expect((await readIdbKeys(page)).filter((key) => key.startsWith('event:'))).not.toEqual(
      expect.arrayContaining(['event:no-time', 'event:bad-time']),
    );
    await expectWorkingAndQuiet(page, watch);
    // Delivery goes on: the new change arrives too.
    await expect.poll(async () => (await t.collector.stored('cart_updated')).length, { timeout: 10_000 }).toBe(1);
  });
});

describe('a malformed cart from another tab (another SDK version after a deploy)', () => {
  it('is dropped and reported; the tabs keep syncing', async () => {
    const { page, watch, context } = await t.openStore('/');
    const { page: other } = await t.openStore('/product.html', { context });
    await other.evaluate(() => {
      const channel = new BroadcastChannel('cartback');
      channel.postMessage({ type: 'cart', cart: { id: 'from-v9', version: 'nine', items: 'many', updatedAt: Date.now() + 1e6 } });
      channel.postMessage({ type: 'cart', cart: null });
      channel.close();
    });
    await expect.poll(() => warnings(watch, /another tab sent a malformed cart/).length).toBe(1);
    expect(await page.evaluate(() => (window as TestWindow).cartback.cart.items)).toEqual([]);
    await expectWorkingAndQuiet(page, watch);
    // A well-formed change from the other tab still arrives.
    await other.evaluate(() => (window as TestWindow).cartback.cart.add({ id: 'tee', name: 'Tee', price: 20 }));
    await expect.poll(async () => (await getCart(page)).items.map((item) => item.id)).toContain('tee');
  });
});

describe('a value IndexedDB cannot clone', () => {
  it('fails that one write (unstorable_value); the cart stays in IndexedDB, not memory', async () => {
    // As if the visitor record held something uncloneable (a function in identify traits).
    const refuseIdentity = () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (key === 'identity') throw new DOMException('function () {} could not be cloned.', 'DataCloneError');
        return put.call(this, value, key);
      };
    };
    const { page, watch } = await t.openStore('/', { initScripts: [refuseIdentity] });
    await expectWorkingAndQuiet(page, watch); // the cart loads the tracking chunk, which writes the identity
    await expect.poll(() => warnings(watch, /IndexedDB refused "identity"/).length, { timeout: 5_000 }).toBe(1);
    await page.evaluate(() => (window as FlushingWindow).cartback.cart.add({ id: 'tee', name: 'Tee', price: 20 }));
    await page.evaluate(() => (window as FlushingWindow).cartback.flush());
    expect(await readIdbKeys(page)).toEqual(expect.arrayContaining(['cart', 'session']));
    expect(await readIdbKeys(page)).not.toContain('identity');
    expect(warnings(watch, /IndexedDB is unavailable/)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });
});
