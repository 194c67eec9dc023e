import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startDemo, type Demo } from '../../examples/startDemo';
import { waitForCartback } from '../support/cartbackPage';
import { measureWidgetContrast } from '../support/measureWidgetContrast';
import { runAxe } from '../support/runAxe';
import { setupBrowserTests } from '../support/setupBrowserTests';
import { watchPage } from '../support/watchPage';
import { addItems, MUG, openWidgetPage, showExitIntent, TEA, waitForModal, type WidgetWindow } from '../support/widgetPage';

const t = setupBrowserTests();

/** A context in which axe-core (an injected script) may run under the pages' strict CSP. */
async function axeContext() {
  const context = await t.browser.newContext({ bypassCSP: true });
  context.setDefaultTimeout(10_000);
  onTestFinished(() => context.close());
  return context;
}

describe("theme 'auto' (the default)", () => {
  let demo: Demo;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cartback-demo-'));
    demo = await startDemo({ dataDir });
  });
  afterAll(async () => {
    await demo?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes the demo store’s terracotta accent, its background and its font, with no theme set, at AA contrast', async () => {
    const page = await (await axeContext()).newPage();
    const watch = await watchPage(page);
    await page.goto(`${demo.shopUrl}/`);
    await page.click('[data-add-to-cart="ethiopia-guji"]');
    await waitForCartback(page);
    await page.evaluate(() => (window as WidgetWindow).cartback.showExitIntent());
    await waitForModal(page);

    const seen = await measureWidgetContrast(page);
    console.log('[e2e] auto theme on the demo store:', JSON.stringify(seen));
    // shop.css: --accent #b4532a on the .button elements, --bg #faf6f0, --ink #2b2118, system-ui.
    expect(seen).toMatchObject({ accent: 'rgb(180, 83, 42)', accentText: 'rgb(255, 255, 255)', background: 'rgb(250, 246, 240)', text: 'rgb(43, 33, 24)' });
    expect(seen.font).toMatch(/^system-ui/);
    expect(seen.buttonText).toBeGreaterThanOrEqual(4.5);
    expect(seen.buttonOnBackground).toBeGreaterThanOrEqual(3);
    expect(seen.bodyText).toBeGreaterThanOrEqual(4.5);
    // `debug: true` (the demo's) says what was picked and why.
    const notes = watch.cartbackMessages('info').map((entry) => entry.text).filter((text) => text.includes('theme auto'));
    expect(notes).toEqual([
      expect.stringMatching(/^\[cartback\] theme auto: text #2b2118 on #faf6f0 \([\d.]+:1\) from the page's body$/),
      expect.stringMatching(/^\[cartback\] theme auto: accent #b4532a from \d+ button\(s\) like <a class="button/),
    ]);
    // The widget (the demo shop's own markup is not what this checks).
    expect(await runAxe(page, 'cartback-widget')).toEqual([]);
    expect(watch.cartbackMessages('error')).toEqual([]);
  });

  it('moves a store accent that fails contrast until it passes, keeping its hue', async () => {
    const context = await axeContext();
    const { page, watch } = await openWidgetPage(t, { debug: true }, { context });
    // A store whose buttons are bright yellow with white text: 1.5:1, and 1.5:1 against white.
    await page.addStyleTag({ content: 'body { background: #fff; color: #222 } button { background: #ffd60a; color: #fff }' });
    await addItems(page, [MUG, TEA]);
    await showExitIntent(page);
    await waitForModal(page);

    const seen = await measureWidgetContrast(page);
    console.log('[e2e] auto theme on a yellow store:', JSON.stringify(seen));
    expect(seen.accent).not.toBe('rgb(255, 214, 10)');
    const [r, g, b] = seen.accent.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r > g && g > b, `${seen.accent} is still a yellow`).toBe(true);
    expect(seen.buttonText).toBeGreaterThanOrEqual(4.5);
    expect(seen.buttonOnBackground).toBeGreaterThanOrEqual(3);
    const notes = watch.cartbackMessages('info').map((entry) => entry.text);
    expect(notes).toContainEqual(expect.stringMatching(/theme auto: accent #ffd60a from 1 button\(s\) like <button .*, adjusted to #[\da-f]{6} for contrast/));
    expect(await runAxe(page, 'cartback-widget')).toEqual([]);
  });

  it('leaves the light theme’s colours where the page’s own text fails, and the light accent where the page has none', async () => {
    const context = await axeContext();
    const { page } = await openWidgetPage(t, {}, { context });
    await page.addStyleTag({ content: 'body { background: #fff; color: #aaa } button { background: #eee; color: #aaa }' });
    await addItems(page, [MUG]);
    await showExitIntent(page);
    await waitForModal(page);
    const seen = await measureWidgetContrast(page);
    expect(seen).toMatchObject({ background: 'rgb(255, 255, 255)', text: 'rgb(29, 29, 31)', accent: 'rgb(26, 86, 219)' });
    expect(await runAxe(page, 'cartback-widget')).toEqual([]);
  });

  it('gives way to a preset, and lays the store’s vars over what it read', async () => {
    const dark = await openWidgetPage(t, { theme: 'dark' });
    await dark.page.addStyleTag({ content: 'button { background: #b4532a; color: #fff }' }).catch(() => {}); // CSP may refuse: no matter
    await addItems(dark.page, [MUG]);
    await showExitIntent(dark.page);
    await waitForModal(dark.page);
    expect(await dark.page.locator('cartback-widget [part=checkout]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(136, 187, 255)');

    const context = await axeContext();
    const withVars = await openWidgetPage(t, { theme: { vars: { '--cb-radius': '3px' } } }, { context });
    await withVars.page.addStyleTag({ content: 'button { background: #0f766e; color: #fff }' });
    await addItems(withVars.page, [MUG]);
    await showExitIntent(withVars.page);
    await waitForModal(withVars.page);
    const box = await withVars.page
      .locator('cartback-widget [part=dialog]')
      .evaluate((el) => ({ radius: getComputedStyle(el).borderTopLeftRadius }));
    expect(box.radius).toBe('3px');
    expect((await measureWidgetContrast(withVars.page)).accent).toBe('rgb(15, 118, 110)');
  });
});
