import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { banner, isBannerShown, leaveWithCart, RETURN_GRACE, waitForBanner, waitForBannerGone } from '../support/bannerPage';
import { runAxe } from '../support/runAxe';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { observeQuietPeriod } from '../support/watchPage';
import {
  addItems,
  MUG,
  openWidgetPage,
  showExitIntent,
  suppressions,
  TEA,
  waitForModal,
  waitForModalClosed,
  waitForSent,
  waitForWidgetChunk,
  type WidgetWindow,
} from '../support/widgetPage';

const t = setupBrowserTests();

/** Long enough for the widget chunk to load at idle and decide: the banner would be up by then. */
const QUIET = 1000;

/** What a shopper sees of the banner, read in the page. */
function readBanner(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('cartback-widget')!.shadowRoot!;
    const region = root.querySelector<HTMLElement>('[part=banner]')!;
    const get = (name: string) => root.querySelector<HTMLElement>(`[part=${name}]`);
    const box = region.getBoundingClientRect();
    return {
      role: region.getAttribute('role'),
      label: region.getAttribute('aria-label'),
      position: getComputedStyle(region).position,
      box: { top: Math.round(box.top), bottom: Math.round(box.bottom), left: Math.round(box.left), right: Math.round(box.right) },
      viewport: { width: innerWidth, height: innerHeight },
      title: get('banner-title')?.textContent,
      body: get('banner-body')?.textContent,
      images: [...root.querySelectorAll<HTMLImageElement>('[part=banner-image]')].map((img) => new URL(img.src).pathname),
      href: get('banner-checkout')?.getAttribute('href'),
      checkout: get('banner-checkout')?.textContent,
      dismissLabel: get('banner-dismiss')?.getAttribute('aria-label'),
      status: [...root.querySelectorAll('[role=status]')].map((el) => [el.getAttribute('aria-live'), el.textContent]),
    };
  });
}

describe('the return banner', () => {
  it('greets a shopper back in a new tab after they closed one with items, with the cart and a restore link', async () => {
    const config = { restoreUrl: '/cart/{items}?discount={code}&cart={cartId}', offer: { code: 'SAVE10' } };
    const { context, left } = await leaveWithCart(t, config, [{ ...MUG, variant: '4011' }, TEA]);
    await waitForSent(left, 'cart_abandoned');
    const back = await openWidgetPage(t, config, { context });
    await waitForBanner(back.page);

    const seen = await readBanner(back.page);
    const cartId = await back.page.evaluate(() => (window as WidgetWindow & { cartback: { cart: { id: string } } }).cartback.cart.id);
    expect(seen).toMatchObject({
      role: 'region',
      label: 'Your saved cart',
      position: 'fixed',
      title: 'Welcome back — your cart is waiting',
      body: '3 items · €32.25',
      images: ['/mug.svg'],
      href: `${t.site.url}/cart/4011:2,tea:1?discount=SAVE10&cart=${cartId}&cb_source=banner`,
      checkout: 'Go to checkout',
      dismissLabel: 'Dismiss',
    });
    // The default position: a bar along the bottom edge, the full width.
    expect(seen.box).toEqual({ top: seen.box.top, bottom: seen.viewport.height, left: 0, right: seen.viewport.width });
    // Announced politely, once it is in the page.
    await expect.poll(async () => (await readBanner(back.page)).status).toEqual([['polite', 'Welcome back — your cart is waiting. 3 items · €32.25']]);

    expect(await waitForSent(back, 'banner_shown')).toMatchObject({ trigger: 'return', position: 'bottom', cart: { count: 3 } });
    expect(back.sent('cart_returned')).toHaveLength(1);
    expect(back.watch.pageErrors).toEqual([]);
    expect(await back.watch.cspViolations()).toEqual([]);
  });

  it('shows only on the first page of the visit: not on the next page, nor in the visit it was not a return', async () => {
    const { context } = await leaveWithCart(t);
    const back = await openWidgetPage(t, {}, { context });
    await waitForBanner(back.page);
    // The visit's session is stored before the next page reads it (a page opened within the
    // first moments could start a visit of its own: that race is not what this test is about).
    await back.page.evaluate(() => (window as WidgetWindow).cartback.flush());

    // The shopper moves on through the store (a link, not a new visit).
    const next = await openWidgetPage(t, {}, { context });
    await back.page.close({ runBeforeUnload: false }); // closing the other tab is not this visit ending
    await waitForWidgetChunk(next.page);
    await observeQuietPeriod(next.page, QUIET);
    expect(await isBannerShown(next.page)).toBe(false);
    expect(next.sent('banner_shown')).toEqual([]);
    expect(next.sent('widget_suppressed')).toEqual([]);

    // And a page reached by a link from the returning page.
    const from = await openWidgetPage(t, {}, { context: await t.newContext() });
    await addItems(from.page, [MUG]);
    await waitForWidgetChunk(from.page);
    await from.page.evaluate(() => {
      const link = document.createElement('a');
      link.href = location.href.replace(/run=[^&]*/, 'run=internal');
      link.textContent = 'Next page';
      document.body.append(link);
      link.click();
    });
    await from.page.waitForURL(/run=internal/);
    await waitForWidgetChunk(from.page);
    await observeQuietPeriod(from.page, QUIET);
    expect(await isBannerShown(from.page)).toBe(false);
  });

  it('is not shown in the visit after a purchase, and an order takes it away', async () => {
    const { context } = await leaveWithCart(t);
    const back = await openWidgetPage(t, {}, { context });
    await waitForBanner(back.page);
    await back.page.evaluate(() => (window as WidgetWindow).cartback.purchase({ orderId: 'order-1' }));
    await waitForBannerGone(back.page);
    expect(back.sent('banner_dismissed')).toEqual([]);
    await back.page.close({ runBeforeUnload: false });

    const after = await openWidgetPage(t, {}, { context });
    await observeQuietPeriod(after.page, QUIET);
    expect(await isBannerShown(after.page)).toBe(false);
    expect(after.sent('banner_shown')).toEqual([]);
    expect(after.sent('cart_returned')).toEqual([]);
  });

  it('closes with its button and with Escape while focused, and stays closed for the cooldown', async () => {
    const { context } = await leaveWithCart(t);
    const back = await openWidgetPage(t, { returnGrace: RETURN_GRACE }, { context });
    await waitForBanner(back.page);

    // Escape elsewhere on the page is not for the banner.
    await back.page.focus('#focus-me');
    await back.page.keyboard.press('Escape');
    await observeQuietPeriod(back.page, 200);
    expect(await isBannerShown(back.page)).toBe(true);

    // Keyboard alone: Tab from the page's last link reaches the banner, after the page: its
    // "Why am I seeing this?", then its button.
    await back.page.focus('a[href="/checkout.html"]');
    await back.page.keyboard.press('Tab');
    expect(await back.page.evaluate(() => document.querySelector('cartback-widget')!.shadowRoot!.activeElement?.getAttribute('part'))).toBe(
      'why-summary',
    );
    await back.page.keyboard.press('Tab');
    const focused = await back.page.evaluate(() => document.querySelector('cartback-widget')!.shadowRoot!.activeElement?.getAttribute('part'));
    expect(focused).toBe('banner-checkout');
    await back.page.keyboard.press('Tab');
    expect(await back.page.evaluate(() => document.querySelector('cartback-widget')!.shadowRoot!.activeElement?.getAttribute('part'))).toBe(
      'banner-dismiss',
    );
    await back.page.keyboard.press('Escape');
    await waitForBannerGone(back.page);
    expect((await waitForSent(back, 'banner_dismissed')).how).toBe('escape');
    await back.page.close({ runBeforeUnload: false });
    await new Promise((resolve) => setTimeout(resolve, RETURN_GRACE + 100));

    // The next visit (the cart is still there): within a day of the dismissal, no banner.
    const again = await openWidgetPage(t, {}, { context });
    await expect.poll(() => suppressions(again), { timeout: 10_000 }).toEqual(['already_shown']);
    expect(await isBannerShown(again.page)).toBe(false);
    expect(again.sent('widget_suppressed')[0]).toMatchObject({ widget: 'banner' });
    await again.page.close({ runBeforeUnload: false });

    // The close button, in another shopper's browser.
    const other = await leaveWithCart(t, { banner: { cooldown: 0 } });
    const shopper = await openWidgetPage(t, { banner: { cooldown: 0 } }, { context: other.context });
    await waitForBanner(shopper.page);
    await banner(shopper.page).locator('[part=banner-dismiss]').click();
    await waitForBannerGone(shopper.page);
    expect((await waitForSent(shopper, 'banner_dismissed')).how).toBe('close');
  });

  it('sends banner_clicked when the shopper follows its link', async () => {
    const { context } = await leaveWithCart(t);
    const back = await openWidgetPage(t, {}, { context });
    await waitForBanner(back.page);
    await banner(back.page).locator('[part=banner-checkout]').click();
    await back.page.waitForURL('**/checkout.html?cb_source=banner');
    expect((await waitForSent(back, 'banner_clicked')).target).toBe('checkout');
  });

  it('stays off with banner.enabled false, saying why; showBanner() still previews it', async () => {
    const config = { banner: { enabled: false } };
    const { context } = await leaveWithCart(t, config);
    const back = await openWidgetPage(t, config, { context });
    await expect.poll(() => suppressions(back), { timeout: 10_000 }).toEqual(['disabled']);
    expect(await isBannerShown(back.page)).toBe(false);

    await back.page.evaluate(() => (window as WidgetWindow & { cartback: { showBanner(): Promise<void> } }).cartback.showBanner());
    await waitForBanner(back.page);
    expect((await waitForSent(back, 'banner_shown')).trigger).toBe('api');
  });

  it('loads with exit intent off, and can sit under the exit-intent modal', async () => {
    const { context } = await leaveWithCart(t, { exitIntent: { enabled: false } });
    const back = await openWidgetPage(t, { exitIntent: { enabled: false } }, { context });
    await waitForBanner(back.page);

    // The modal opens over it (in the top layer) and the banner is still there once it closes.
    await showExitIntent(back.page);
    await waitForModal(back.page);
    expect(await isBannerShown(back.page)).toBe(true);
    await back.page.keyboard.press('Escape');
    await waitForModalClosed(back.page);
    expect(await isBannerShown(back.page)).toBe(true);
    expect(back.sent('banner_dismissed')).toEqual([]);
  });

  it('with banner.tabTitle, names the hidden tab after the cart and gives the title back on return', async () => {
    const { page } = await openWidgetPage(t, { banner: { tabTitle: true } });
    const title = await page.title();
    /** The shopper switches tabs: what Chromium does for a real switch, as the page sees it. */
    const setHidden = (hidden: boolean) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await addItems(page, [MUG]);
    await waitForWidgetChunk(page);
    await observeQuietPeriod(page, 300); // the chunk has started

    await setHidden(true);
    expect(await page.title()).toBe('🛒 Your cart is waiting');
    await setHidden(false);
    expect(await page.title()).toBe(title);

    // Off by default.
    const plain = await openWidgetPage(t);
    await addItems(plain.page, [MUG]);
    await waitForWidgetChunk(plain.page);
    await observeQuietPeriod(plain.page, 300);
    await plain.page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(await plain.page.title()).toBe(title);
  });

  it('causes no visible layout shift in any position (CLS under 0.001)', async () => {
    const scores: Record<string, number> = {};
    for (const position of ['top', 'bottom', 'corner']) {
      const config = { banner: { position } };
      const { context } = await leaveWithCart(t, config);
      const page = await context.newPage();
      // From the very start of the page, as web-vitals measures it.
      await page.addInitScript(() => {
        const w = window as unknown as { __shift: number; __moved: string[] };
        w.__shift = 0;
        w.__moved = [];
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[]) {
            if (entry.hadRecentInput) continue;
            w.__shift += entry.value;
            for (const { node, previousRect: from, currentRect: to } of entry.sources)
              w.__moved.push(`${node?.nodeName} (${from.x},${from.y} ${from.width}×${from.height} → ${to.x},${to.y} ${to.width}×${to.height})`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${t.site.url}/widget.html?config=${encodeURIComponent(JSON.stringify(config))}&run=cls-${position}`);
      await waitForBanner(page);
      await observeQuietPeriod(page, 500); // let anything that would move, move
      const box = await banner(page).boundingBox();
      const viewport = page.viewportSize()!;
      if (position == 'top') expect(box!.y).toBe(0);
      else expect(Math.round(box!.y + box!.height)).toBe(viewport.height - (position == 'corner' ? 16 : 0));
      if (position == 'corner') expect(box!.width).toBeLessThanOrEqual(400);
      const { shift, moved } = await page.evaluate(() => {
        const w = window as unknown as { __shift: number; __moved: string[] };
        return { shift: w.__shift, moved: w.__moved };
      });
      scores[position] = shift;
      if (shift) console.log(`[e2e] banner ${position}: layout shift ${shift}, moved: ${moved.join('; ')}`);
      if (position == 'corner') {
        // The control: the same observer does see the page's own content being pushed down.
        await page.evaluate(() => {
          const block = document.createElement('div');
          block.style.height = '80px';
          document.querySelector('main')!.prepend(block);
        });
        await expect.poll(() => page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeGreaterThan(0);
      }
    }
    console.log(`[e2e] banner CLS top=${scores.top} bottom=${scores.bottom} corner=${scores.corner}`);
    // Nothing a shopper could see: a clean-clone CI run on a loaded machine once measured 1.1e-5
    // in the corner (what moved was not recorded then; it is logged above now). Google's "good"
    // CLS is under 0.1.
    for (const [position, score] of Object.entries(scores)) expect(score, position).toBeLessThan(0.001);
  });

  it('has no axe-core violations', async () => {
    // The fixture's CSP forbids the inline script axe is injected as; bypassCSP lets it run.
    const context = await t.browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(10_000);
    onTestFinished(() => context.close());
    const first = await openWidgetPage(t, { returnGrace: RETURN_GRACE }, { context });
    await addItems(first.page, [MUG, TEA]);
    await first.page.evaluate(() => (window as WidgetWindow & { cartback: { flush(): Promise<void> } }).cartback.flush());
    await first.page.close({ runBeforeUnload: false });
    await new Promise((resolve) => setTimeout(resolve, RETURN_GRACE + 100));
    const { page } = await openWidgetPage(t, {}, { context });
    await waitForBanner(page);
    await expect.poll(async () => (await readBanner(page)).status[0]?.[1]).toBeTruthy();

    expect(await runAxe(page)).toEqual([]);
  });
});
