import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { addItems, MUG, openWidgetPage, showExitIntent, TEA, waitForModal, waitForPart } from '../support/widgetPage';

const t = setupBrowserTests();

/** The box of each `[part=<name>]` in the widget's shadow root, in document order. */
function boxes(page: Page, name: string) {
  return page.evaluate(
    (name) =>
      [...document.querySelector('cartback-widget')!.shadowRoot!.querySelectorAll(`[part=${name}]`)].map((el) => {
        const { x, y, width, height } = el.getBoundingClientRect();
        return { x, y, width, height };
      }),
    name,
  );
}

/** Waits for the modal's entry animation (it scales) to end, so that boxes are at rest. */
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('cartback-widget')!.shadowRoot!.querySelector('[part=dialog]')!.getAnimations({ subtree: true }).length);

describe('the layout of the modal and the banner', () => {
  it('starts a line without an image at the edge of the list, and keeps the image of one that has it', async () => {
    const { page } = await openWidgetPage(t);
    await addItems(page, [MUG, TEA]); // the mug has an image, the tea has none
    await showExitIntent(page);
    await waitForModal(page);
    await settled(page);
    const [mugLine, teaLine] = await boxes(page, 'item');
    const [mugName, teaName] = await boxes(page, 'name');
    const [image] = await boxes(page, 'image');
    expect(image!.width).toBe(56);
    expect(mugName!.x).toBeGreaterThanOrEqual(mugLine!.x + 56 + 12);
    expect(teaName!.x, 'no empty box before a line without an image').toBe(teaLine!.x);
  });

  it('puts the email field and its button one under the other, each full width, on a phone', async () => {
    const { page } = await openWidgetPage(t, { exitIntent: { collectEmail: true } });
    await page.setViewportSize({ width: 375, height: 667 });
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    await waitForPart(page, 'submit');
    await settled(page);
    const [form] = await boxes(page, 'form');
    const [input] = await boxes(page, 'input');
    const [submit] = await boxes(page, 'submit');
    expect(input!.width).toBeCloseTo(form!.width, 0);
    expect(submit!.width).toBeCloseTo(form!.width, 0);
    expect(submit!.y).toBeGreaterThanOrEqual(input!.y + input!.height);

    // On a wide screen they share a row again.
    await page.setViewportSize({ width: 1280, height: 800 });
    const [wideInput] = await boxes(page, 'input');
    const [wideSubmit] = await boxes(page, 'submit');
    expect(wideSubmit!.y).toBe(wideInput!.y);
  });

  it('shows the title and the body of the banner as two lines', async () => {
    const { page } = await openWidgetPage(t);
    await addItems(page, [MUG]);
    await page.evaluate(() => (window as unknown as { cartback: { showBanner(): Promise<void> } }).cartback.showBanner());
    await waitForPart(page, 'banner');
    await page.waitForFunction(() => {
      const title = document.querySelector('cartback-widget')!.shadowRoot!.querySelector('[part=banner-title]');
      return !!title && getComputedStyle(title).display == 'block';
    });
    const [title] = await boxes(page, 'banner-title');
    const [body] = await boxes(page, 'banner-body');
    expect(body!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 1);
  });
});
