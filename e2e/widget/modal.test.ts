import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowserTests } from '../support/setupBrowserTests';
import {
  addItems,
  dialog,
  exitThroughTop,
  MUG,
  openWidgetPage,
  part,
  showExitIntent,
  TEA,
  waitForModal,
  waitForModalClosed,
  waitForSent,
  waitForWidgetChunk,
} from '../support/widgetPage';

const t = setupBrowserTests();

/**
 * Where keyboard focus is: `document.activeElement` stops at the `<cartback-widget>` host,
 * so this reads the shadow root's own active element and its place among the dialog's
 * focusable elements (in tree order, which is Tab order here: no positive tabindex).
 */
function getFocus(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('cartback-widget')?.shadowRoot;
    const dialogElement = root?.querySelector('[part=dialog]');
    // What Tab reaches: not the link and the button inside the closed "Why am I seeing this?".
    const focusable = [
      ...(dialogElement?.querySelectorAll<HTMLElement>('a[href],button:not([disabled]),input:not([disabled]),summary,[tabindex="0"]') ?? []),
    ].filter((element) => element.checkVisibility());
    const active = root?.activeElement ?? null;
    return {
      page: document.activeElement?.id || document.activeElement?.localName,
      index: active ? focusable.indexOf(active as HTMLElement) : -1,
      count: focusable.length,
    };
  });
}

describe('the exit-intent modal', () => {
  it('is an accessible dialog: labelled, modal, with a labelled close button', async () => {
    const { page } = await openWidgetPage(t);
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);

    expect(await dialog(page).getAttribute('role')).toBe('dialog');
    expect(await dialog(page).getAttribute('aria-modal')).toBe('true');
    const labelledBy = await dialog(page).getAttribute('aria-labelledby');
    expect(labelledBy).toBeTruthy();
    expect(await part(page, 'title').getAttribute('id')).toBe(labelledBy);
    expect(await part(page, 'title').evaluate((title) => title.localName)).toBe('h2');
    expect(((await part(page, 'title').textContent()) ?? '').trim()).not.toBe('');
    expect(await part(page, 'close').getAttribute('aria-label')).toBe('Close');
    expect(await part(page, 'close').evaluate((close) => close.localName)).toBe('button');
  });

  it('takes focus, keeps Tab and Shift+Tab inside, closes on Escape and gives focus back', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG, TEA]);
    await waitForWidgetChunk(page);
    await page.focus('#focus-me');

    await exitThroughTop(page);
    await waitForModal(page);
    const opened = await getFocus(page);
    expect(opened).toMatchObject({ page: 'cartback-widget', index: 0 });
    expect(opened.count).toBeGreaterThanOrEqual(4); // close, checkout, keep browsing, why

    // Round the dialog once forwards with the real keyboard, wrapping from the last to the first.
    const forwards: number[] = [];
    for (let i = 0; i < opened.count; i++) {
      await page.keyboard.press('Tab');
      const focus = await getFocus(page);
      expect(focus.page).toBe('cartback-widget');
      forwards.push(focus.index);
    }
    expect(forwards).toEqual([...Array.from({ length: opened.count - 1 }, (_, i) => i + 1), 0]);
    await page.keyboard.press('Shift+Tab');
    expect(await getFocus(page)).toMatchObject({ page: 'cartback-widget', index: opened.count - 1 });
    await page.keyboard.press('Shift+Tab');
    expect(await getFocus(page)).toMatchObject({ page: 'cartback-widget', index: opened.count - 2 });

    await page.keyboard.press('Escape');
    await waitForModalClosed(page);
    expect((await getFocus(page)).page).toBe('focus-me');
    expect((await waitForSent(widget, 'exit_intent_dismissed')).how).toBe('escape');
  });

  it('closes with the close button, "keep browsing" and a click on the backdrop', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);

    for (const [name, how] of [
      ['close', 'close'],
      ['dismiss', 'keep_browsing'],
      ['backdrop', 'backdrop'],
    ] as const) {
      await showExitIntent(page);
      await waitForModal(page);
      if (name === 'backdrop') await page.mouse.click(8, 700); // outside the dialog, on the backdrop
      else await part(page, name).click();
      await waitForModalClosed(page);
      await expect
        .poll(() => widget.sent('exit_intent_dismissed').map((event) => event.how), { timeout: 10_000 })
        .toContain(how);
    }
    expect(widget.sent('exit_intent_dismissed').map((event) => event.how)).toEqual(['close', 'keep_browsing', 'backdrop']);
  });

  it('stays open on a click inside the dialog', async () => {
    const { page } = await openWidgetPage(t);
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    await part(page, 'title').click();
    await part(page, 'total').click();
    expect(await dialog(page).isVisible()).toBe(true);
  });

  it('sends the shopper to checkout from its button', async () => {
    const widget = await openWidgetPage(t);
    const { page } = widget;
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);

    // checkoutUrl, marked as the modal's link (cb_source, see e2e/widget/restore.test.ts).
    expect(await part(page, 'checkout').getAttribute('href')).toMatch(/\/checkout\.html\?cb_source=exit_intent$/);
    await part(page, 'checkout').click();
    await page.waitForURL('**/checkout.html?cb_source=exit_intent');

    expect((await waitForSent(widget, 'exit_intent_clicked')).target).toBe('checkout');
  });

  it('captures an email: a thank-you, identified with the email, and exit_intent_submitted', async () => {
    const widget = await openWidgetPage(t, { exitIntent: { collectEmail: true } });
    const { page } = widget;
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);

    expect(await part(page, 'input').getAttribute('type')).toBe('email');
    await part(page, 'input').fill('shopper@example.com');
    await part(page, 'submit').click();
    await part(page, 'thanks').waitFor({ state: 'visible' });

    const identified = await waitForSent(widget, 'identified');
    expect(identified.traits?.email).toBe('shopper@example.com');
    await waitForSent(widget, 'exit_intent_submitted');
    expect(widget.watch.pageErrors).toEqual([]);
  });

  it('does not submit an address that is not an email', async () => {
    const widget = await openWidgetPage(t, { exitIntent: { collectEmail: true } });
    const { page } = widget;
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);

    await part(page, 'input').fill('not an email');
    await part(page, 'input').press('Enter');
    await part(page, 'submit').click();
    expect(await part(page, 'thanks').count()).toBe(0);

    // Events leave in order: once the dismissal has arrived, a submission would have too.
    await page.keyboard.press('Escape');
    await waitForSent(widget, 'exit_intent_dismissed');
    expect(widget.sent('exit_intent_submitted')).toEqual([]);
    expect(widget.sent('identified')).toEqual([]);
  });
});
