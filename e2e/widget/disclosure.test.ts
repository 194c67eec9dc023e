import { describe, expect, it, onTestFinished } from 'vitest';
import { waitForCartback } from '../support/cartbackPage';
import { runAxe } from '../support/runAxe';
import { setupBrowserTests } from '../support/setupBrowserTests';
import {
  addItems,
  exitThroughTop,
  MUG,
  openWidgetPage,
  part,
  showExitIntent,
  suppressions,
  TEA,
  waitForModal,
  waitForModalClosed,
  waitForSent,
  type WidgetWindow,
} from '../support/widgetPage';

const t = setupBrowserTests();

describe('the modal’s primary button', () => {
  it('says "Go to checkout" until the shopper has started checkout, then "Return to checkout", on every page of the visit', async () => {
    const first = await openWidgetPage(t);
    const { page, context } = first;
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    expect(await part(page, 'checkout').textContent()).toBe('Go to checkout');
    await part(page, 'close').click();
    await waitForModalClosed(page);

    await page.evaluate(() => (window as WidgetWindow & { cartback: { checkoutStarted(): void } }).cartback.checkoutStarted());
    await addItems(page, [TEA]); // the widget looks at the session again on a cart change
    await showExitIntent(page);
    await waitForModal(page);
    await expect.poll(() => part(page, 'checkout').textContent()).toBe('Return to checkout');

    // Another page of the same visit knows it too, once this one has stored it (the tracker
    // marks the session before it queues the event; a shopper does not open a page that fast).
    await waitForSent(first, 'checkout_started');
    const next = await openWidgetPage(t, {}, { context });
    await showExitIntent(next.page);
    await waitForModal(next.page);
    // Its session is read when the widget starts: the open modal takes it up when it arrives.
    await expect.poll(() => part(next.page, 'checkout').textContent()).toBe('Return to checkout');
  });
});

describe('"Why am I seeing this?"', () => {
  it('explains in one click, links the privacy policy, and passes axe in the modal and the banner', async () => {
    const context = await t.browser.newContext({ bypassCSP: true });
    context.setDefaultTimeout(10_000);
    onTestFinished(() => context.close());
    const { page } = await openWidgetPage(t, { privacyUrl: '/privacy.html', locale: 'de' }, { context });
    await addItems(page, [MUG, TEA]);
    await page.evaluate(() => (window as unknown as { cartback: { showBanner(): Promise<void> } }).cartback.showBanner());
    await page.locator('cartback-widget [part=banner]').waitFor();
    await showExitIntent(page);
    await waitForModal(page);

    const modalWhy = page.locator('cartback-widget [part=dialog] [part=why-summary]');
    expect(await modalWhy.textContent()).toBe('Warum sehe ich das?');
    expect(await page.locator('cartback-widget [part=dialog] [part=why-text]').isVisible()).toBe(false);
    await modalWhy.click();
    const text = page.locator('cartback-widget [part=dialog] [part=why-text]');
    expect(await text.isVisible()).toBe(true);
    expect(await text.textContent()).toBe(
      'Ihr Warenkorb ist auf diesem Gerät gespeichert, damit Sie Ihre Bestellung abschließen können. Datenschutzerklärung',
    );
    expect(await page.locator('cartback-widget [part=dialog] [part=privacy]').getAttribute('href')).toBe(`${t.site.url}/privacy.html`);
    expect(await runAxe(page)).toEqual([]);
  });

  it('keeps the focus trapped through the disclosure, closed and open', async () => {
    const { page } = await openWidgetPage(t);
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    const focused = () => page.evaluate(() => document.querySelector('cartback-widget')!.shadowRoot!.activeElement?.getAttribute('part'));
    await page.locator('cartback-widget [part=dismiss]').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('why-summary');
    await page.keyboard.press('Tab'); // the last element while it is closed: back to the first
    expect(await focused()).toBe('close');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('why-summary');
    await page.keyboard.press('Enter'); // opens it
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('opt-out');
  });

  it('"Don’t show this again" closes the widget, says so with its own reason, and holds across reloads and tabs', async () => {
    const first = await openWidgetPage(t);
    await addItems(first.page, [MUG]);
    await showExitIntent(first.page);
    await waitForModal(first.page);
    await first.page.locator('cartback-widget [part=dialog] [part=why-summary]').click();
    await first.page.locator('cartback-widget [part=dialog] [part=opt-out]').click();
    await waitForModalClosed(first.page);
    expect(await waitForSent(first, 'widget_suppressed')).toMatchObject({ widget: 'exit_intent', reason: 'opted_out' });
    expect(first.sent('exit_intent_dismissed')).toEqual([]);

    // A reload: the exit intent is suppressed, for the same reason.
    await first.page.reload();
    await waitForCartback(first.page);
    await exitThroughTop(first.page);
    await expect.poll(() => suppressions(first).filter((reason) => reason == 'opted_out').length, { timeout: 10_000 }).toBe(2);

    // Another tab of the same shopper: nothing shows either.
    const other = await openWidgetPage(t, {}, { context: first.context });
    await other.page.waitForFunction(() => (window as WidgetWindow).cartback.cart.count > 0);
    await exitThroughTop(other.page);
    await expect.poll(() => suppressions(other), { timeout: 10_000 }).toContain('opted_out');
    expect(await other.page.evaluate(() => !!document.querySelector('cartback-widget [part=dialog]'))).toBe(false);
  });
});
