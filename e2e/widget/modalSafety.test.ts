import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runAxe } from '../support/runAxe';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { observeQuietPeriod } from '../support/watchPage';
import { addItems, MUG, openWidgetPage, part, showExitIntent, TEA, waitForModal } from '../support/widgetPage';

const t = setupBrowserTests();

/** What a shopper would see of the open modal, measured in the page. */
function measureModal(page: Page) {
  return page.evaluate(async () => {
    const root = document.querySelector('cartback-widget')!.shadowRoot!;
    const dialog = root.querySelector<HTMLElement>('[part=dialog]')!;
    // Measure the resting state, after the entry animation.
    await Promise.all(dialog.getAnimations({ subtree: true }).map((animation) => animation.finished));
    const box = dialog.getBoundingClientRect();
    // The opacity a shopper sees: the product over the dialog, its shadow ancestors and the host's.
    let opacity = 1;
    for (let el: Element | null = dialog; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null))
      opacity *= Number(getComputedStyle(el).opacity);
    const isShown = (name: string) => {
      const el = root.querySelector(`[part=${name}]`);
      if (!el) return false;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return style.display !== 'none' && style.visibility === 'visible' && rect.width > 0 && rect.height > 0;
    };
    const hit = root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
      box: { x: box.x, y: box.y, width: box.width, height: box.height },
      viewport: { width: innerWidth, height: innerHeight },
      opacity,
      visibility: getComputedStyle(dialog).visibility,
      background: getComputedStyle(dialog).backgroundColor,
      titleFontSize: getComputedStyle(root.querySelector('[part=title]')!).fontSize,
      onTop: !!hit && dialog.contains(hit),
      shown: Object.fromEntries(['title', 'close', 'checkout', 'dismiss', 'total', 'name'].map((name) => [name, isShown(name)])),
    };
  });
}

async function openModal(hostile: boolean) {
  const widget = await openWidgetPage(t, {}, { hostile });
  await addItems(widget.page, [MUG, TEA]);
  await showExitIntent(widget.page);
  await waitForModal(widget.page);
  return { ...widget, modal: await measureModal(widget.page) };
}

describe('the modal on a hostile page', () => {
  it('renders visible and styled under a strict CSP and a hostile stylesheet', async () => {
    const plain = await openModal(false);
    const hostile = await openModal(true);
    expect(await hostile.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');

    for (const { modal, watch } of [plain, hostile]) {
      const { box, viewport } = modal;
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(100);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(modal.opacity).toBe(1);
      expect(modal.visibility).toBe('visible');
      expect(modal.background).not.toMatch(/^(transparent|rgba\(\d+, \d+, \d+, 0\))$/);
      expect(modal.onTop).toBe(true);
      expect(modal.shown).toEqual({ title: true, close: true, checkout: true, dismiss: true, total: true, name: true });
      expect(await watch.cspViolations()).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
    }
    // px, not rem: `html { font-size: 10px }` must not shrink the title.
    expect(hostile.modal.titleFontSize).toBe(plain.modal.titleFontSize);
    expect(parseFloat(plain.modal.titleFontSize)).toBeGreaterThanOrEqual(16);
  });

  it('renders item names as text and drops an image URL that is not http(s)', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    const xss = '<img src=x onerror="window.__xss=1">';
    await addItems(page, [
      { id: 'xss', name: xss, price: 3, quantity: 1 },
      { id: 'js-image', name: 'Odd image', price: 2, quantity: 1, image: 'javascript:alert(1)' },
    ]);
    await showExitIntent(page);
    await waitForModal(page);
    await observeQuietPeriod(page, 300); // an injected <img src=x> would have failed to load by now

    expect(await part(page, 'name').allTextContents()).toEqual([xss, 'Odd image']);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    const found = await page.evaluate(() => {
      const root = document.querySelector('cartback-widget')!.shadowRoot!;
      const oddItem = [...root.querySelectorAll('[part=item]')].find((item) => item.textContent?.includes('Odd image'));
      return {
        injected: root.querySelectorAll('img[src="x"]').length + document.querySelectorAll('img[src="x"]').length,
        oddItemImages: oddItem?.querySelectorAll('img, [src]').length ?? -1,
        javascriptUrls: [...root.querySelectorAll('[src], [href]')]
          .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '')
          .filter((url) => /^\s*javascript:/i.test(url)),
      };
    });
    expect(found).toEqual({ injected: 0, oddItemImages: 0, javascriptUrls: [] });
    expect(widget.watch.cartbackMessages('warning').length).toBeGreaterThan(0);
    expect(widget.watch.pageErrors).toEqual([]);
  });

  it('has no axe-core violations when open', async () => {
    // The fixture's CSP forbids the inline script axe is injected as; bypassCSP lets it run.
    const context = await t.browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(10_000);
    onTestFinished(() => context.close());
    const widget = await openWidgetPage(
      t,
      { offer: { code: 'SAVE10', percentOff: 10, validFor: 600_000 }, exitIntent: { collectEmail: true } },
      { context },
    );
    const { page } = widget;
    await addItems(page, [MUG, TEA]);
    await showExitIntent(page);
    await waitForModal(page);
    await page.evaluate(() =>
      Promise.all(
        document.querySelector('cartback-widget')!.shadowRoot!.querySelector('[part=dialog]')!
          .getAnimations({ subtree: true })
          .map((animation) => animation.finished),
      ),
    );

    expect(await runAxe(page)).toEqual([]);
  });
});
