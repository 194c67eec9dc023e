import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { themes } from '../../packages/widget/src/theme/themes';
import { runAxe } from '../support/runAxe';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { addItems, MUG, openWidgetPage, showExitIntent, TEA, waitForModal } from '../support/widgetPage';

const t = setupBrowserTests();

/** The light theme's values: the `:host` defaults in packages/widget/src/styles.ts. */
const LIGHT = { bg: '#fff', accent: '#1a56db', 'accent-fg': '#fff' };

/** Opens widget.html with `config` and the modal open over MUG and TEA, after its entry animation. */
async function openModal(config: Record<string, unknown>, options: { context?: BrowserContext; items?: object[] } = {}) {
  const widget = await openWidgetPage(t, config, { context: options.context });
  await addItems(widget.page, options.items ?? [MUG, TEA]);
  await showExitIntent(widget.page);
  await waitForModal(widget.page);
  await widget.page.evaluate(() =>
    Promise.all(
      document
        .querySelector('cartback-widget')!
        .shadowRoot!.querySelector('[part=dialog]')!
        .getAnimations({ subtree: true })
        .map((animation) => animation.finished),
    ),
  );
  return widget;
}

/** What the shopper sees of the open modal: computed colours, words and direction. */
function readModal(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('cartback-widget')!.shadowRoot!;
    const part = (name: string) => root.querySelector<HTMLElement>(`[part=${name}]`)!;
    const dialog = part('dialog');
    const box = (el: Element) => el.getBoundingClientRect();
    return {
      dialogBackground: getComputedStyle(dialog).backgroundColor,
      dialogRadius: getComputedStyle(dialog).borderTopLeftRadius,
      dialogFont: getComputedStyle(dialog).fontFamily,
      checkoutBackground: getComputedStyle(part('checkout')).backgroundColor,
      checkoutColor: getComputedStyle(part('checkout')).color,
      lang: dialog.getAttribute('lang'),
      dir: dialog.getAttribute('dir'),
      direction: getComputedStyle(dialog).direction,
      title: part('title').textContent,
      close: part('close').getAttribute('aria-label'),
      checkout: part('checkout').textContent,
      dismiss: part('dismiss').textContent,
      quantity: part('quantity').textContent,
      total: part('total').lastElementChild!.textContent,
      // Where the close button sits: at the inline end, so on the left in a right-to-left language.
      closeOnLeft: box(part('close')).right < box(dialog).left + box(dialog).width / 2,
    };
  });
}

/** A CSS colour as the page computes it (`#8bf` → `rgb(136, 187, 255)`). */
function computedColor(page: Page, color: string) {
  return page.evaluate((value) => {
    const probe = document.createElement('i');
    probe.style.color = value; // CSSOM, which the fixture's strict CSP allows
    document.body.append(probe);
    const computed = getComputedStyle(probe).color;
    probe.remove();
    return computed;
  }, color);
}


describe('themes', () => {
  it('applies each preset: the dialog and the checkout button take its colours', async () => {
    const seen = new Set<string>();
    for (const [preset, vars] of Object.entries(themes)) {
      const { page, watch } = await openModal({ theme: preset });
      const modal = await readModal(page);
      const expected = { ...LIGHT, ...vars };
      expect(modal.dialogBackground, preset).toBe(await computedColor(page, expected.bg));
      expect(modal.checkoutBackground, preset).toBe(await computedColor(page, expected.accent));
      expect(modal.checkoutColor, preset).toBe(await computedColor(page, expected['accent-fg']));
      seen.add(`${modal.dialogBackground} ${modal.checkoutBackground}`);
      expect(watch.cartbackMessages('error')).toEqual([]);
      expect(await watch.cspViolations()).toEqual([]);
    }
    // Every preset looks different from every other.
    expect(seen.size).toBe(Object.keys(themes).length);
  });

  it('lets the store’s vars reach into the shadow DOM, over the preset', async () => {
    const { page, watch } = await openModal({
      theme: { preset: 'dark', vars: { '--cb-accent': '#e11d48', '--cb-accent-fg': '#fff', '--cb-radius': '4px', '--cb-font': 'Georgia, serif' } },
    });
    const modal = await readModal(page);
    expect(modal.checkoutBackground).toBe('rgb(225, 29, 72)');
    expect(modal.dialogRadius).toBe('4px');
    expect(modal.dialogFont).toBe('Georgia, serif');
    expect(modal.dialogBackground).toBe(await computedColor(page, themes.dark!.bg!)); // the rest of the preset
    expect(watch.cartbackMessages('error')).toEqual([]);
  });

  it('names an unknown preset or an unsafe var, and still shows the modal in the light theme', async () => {
    const { page, watch } = await openModal({
      theme: { preset: 'neon', vars: { '--cb-backdrop': 'url(https://tracker.example/pixel.gif)', '--cb-accent': '#0f766e' } },
    });
    const modal = await readModal(page);
    expect(modal.dialogBackground).toBe(await computedColor(page, LIGHT.bg));
    expect(modal.checkoutBackground).toBe(await computedColor(page, '#0f766e')); // the safe var still applies
    // Worded by the diagnostics chunk, which loads only now that there is something to say.
    const errors = () => watch.cartbackMessages('error').map((entry) => entry.text);
    await expect.poll(errors).toEqual([
      expect.stringMatching(/^\[cartback\] config\.theme\.preset must be "auto", "light", "dark", .* \(got "neon"\)\. .* the light theme is used\.$/),
      expect.stringMatching(/^\[cartback\] config\.theme\.vars\["--cb-backdrop"\] must be .*url\(\).* the preset is used\.$/),
    ]);
  });
});

describe('copy and locales', () => {
  it('shows German copy and German money for locale de', async () => {
    const { page, watch } = await openModal({ locale: 'de' }, { items: [{ id: 'chair', name: 'Stuhl', price: 1234.5, quantity: 1 }] });
    const modal = await readModal(page);
    expect(modal).toMatchObject({
      lang: 'de',
      dir: 'ltr',
      title: 'Schon los? Ihr Warenkorb ist noch da',
      close: 'Schließen',
      checkout: 'Zur Kasse',
      dismiss: 'Weiter stöbern',
      quantity: 'Menge 1',
    });
    const german = await page.evaluate(() => new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(1234.5));
    expect(modal.total).toBe(german);
    expect(modal.total).toMatch(/^1\.234,50\s€$/); // \s: Intl puts a no-break space before the €
    expect(watch.cartbackMessages('error')).toEqual([]);
    expect(watch.cartbackMessages('warning')).toEqual([]);
  });

  it('lays out Arabic right to left, mirrored', async () => {
    const { page } = await openModal({ locale: 'ar' });
    const modal = await readModal(page);
    expect(modal).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl', close: 'إغلاق', closeOnLeft: true });
    expect(modal.title).toMatch(/سلتك/);
    const english = await readModal((await openModal({})).page);
    expect(english).toMatchObject({ lang: 'en', dir: 'ltr', closeOnLeft: false });
  });

  it('shows the store’s own copy over the built-in words, per locale', async () => {
    const copy = { en: { title: 'Wait! Your basket misses you' }, de: { checkout: 'Jetzt bezahlen' } };
    const english = await readModal((await openModal({ copy })).page);
    expect(english).toMatchObject({ title: 'Wait! Your basket misses you', checkout: 'Go to checkout' });
    const german = await readModal((await openModal({ locale: 'de-AT', copy })).page);
    expect(german).toMatchObject({ lang: 'de-AT', title: 'Schon los? Ihr Warenkorb ist noch da', checkout: 'Jetzt bezahlen' });
  });
});

describe('accessibility of the themes', () => {
  it.each([
    ['the dark preset', { theme: 'dark' }],
    ['the minimal preset', { theme: 'minimal' }],
    ['the espresso preset', { theme: 'espresso' }],
    ['Arabic, right to left', { locale: 'ar' }],
  ])('has no axe-core violations with %s', async (_name, config) => {
    // The fixture's CSP forbids the inline script axe is injected as; bypassCSP lets it run.
    const context = await t.browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(10_000);
    onTestFinished(() => context.close());
    const { page } = await openModal({ ...config, offer: { code: 'SAVE10', percentOff: 10, validFor: 600_000 }, exitIntent: { collectEmail: true } }, { context });
    expect(await runAxe(page)).toEqual([]);
  });
});

describe('the banner in the themes', () => {
  it.each([
    ['the dark preset', { theme: 'dark' }],
    ['the espresso preset, Hebrew, in the corner', { theme: 'espresso', locale: 'he', banner: { position: 'corner' } }],
  ] as [string, Record<string, unknown>][])('has no axe-core violations with %s', async (_name, config) => {
    const context = await t.browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(10_000);
    onTestFinished(() => context.close());
    const { page } = await openWidgetPage(t, config, { context });
    await addItems(page, [MUG, TEA]);
    await page.evaluate(() => (window as unknown as { cartback: { showBanner(): Promise<void> } }).cartback.showBanner());
    await page.locator('cartback-widget [part=banner]').waitFor();
    const banner = await page.evaluate(() => {
      const root = document.querySelector('cartback-widget')!.shadowRoot!;
      const el = root.querySelector('[part=banner]')!;
      return { lang: el.closest('[lang]')?.getAttribute('lang'), dir: getComputedStyle(el).direction };
    });
    expect(banner).toEqual(config.locale == 'he' ? { lang: 'he', dir: 'rtl' } : { lang: 'en', dir: 'ltr' });
    expect(await runAxe(page)).toEqual([]);
  });
});
