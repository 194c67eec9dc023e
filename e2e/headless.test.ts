// `@cartback/core` alone, in a real browser: a shop that builds its own UI imports the engine,
// and gets the cart, persistence and events with no widget, no Preact and no cartback.js.
import { describe, expect, it } from 'vitest';
import { sentFrom } from './support/widgetPage';
import { setupBrowserTests } from './support/setupBrowserTests';

const t = setupBrowserTests();

interface HeadlessWindow extends Window {
  headless: {
    ready: Promise<unknown>;
    cart: { add(item: unknown): boolean; readonly count: number; readonly value: number };
    on(type: string, fn: (event: unknown) => void): () => void;
    flush(): Promise<void>;
  };
}

describe('@cartback/core on its own (headless)', () => {
  it('keeps the cart, renders it through subscribe, stores it and sends cart_updated, loading no UI', async () => {
    const { page, watch } = await t.openPage('/headless/index.html?run=headless');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.waitForFunction(() => 'headless' in window);

    const heard = await page.evaluate(async () => {
      const { headless } = window as unknown as HeadlessWindow;
      await headless.ready;
      const types: string[] = [];
      headless.on('cart_updated', () => types.push('cart_updated'));
      headless.cart.add({ id: 'guji', name: 'Ethiopia Guji', price: 14.5, quantity: 2 });
      headless.cart.add({ id: 'filters', name: 'Paper filters', price: 4.99, quantity: 1 });
      await headless.flush();
      await new Promise((resolve) => setTimeout(resolve, 1100)); // cart_updated waits a second
      await headless.flush();
      return types;
    });

    expect(heard).toEqual(['cart_updated']);
    expect(await page.locator('#count').textContent()).toBe('3');
    expect(await page.locator('#value').textContent()).toBe('33.99');
    await expect.poll(() => sentFrom(t, 'headless', 'cart_updated').length).toBe(1);
    expect(sentFrom(t, 'headless', 'cart_updated')[0]).toMatchObject({
      page: { path: '/headless/index.html' },
      cart: { count: 3, value: 33.99, currency: 'EUR' },
    });
    // The engine and its tracking chunk: nothing of the widget, and not cartback.js.
    expect(requests.filter((path) => path.endsWith('.js')).every((path) => path.startsWith('/core/dist/') || path == '/headless/shop.js')).toBe(true);
    expect(await page.locator('cartback-widget').count()).toBe(0);

    // Kept in IndexedDB: the next page load starts with it.
    await page.reload();
    await page.waitForFunction(() => 'headless' in window);
    expect(await page.evaluate(() => (window as unknown as HeadlessWindow).headless.ready.then(() => document.getElementById('count')!.textContent))).toBe('3');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.cartbackMessages('error')).toEqual([]);
  });
});
