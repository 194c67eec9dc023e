// The gallery's pictures, shared by `npm run screenshots` (takeScreenshots.ts: writes them) and
// the visual regression test (e2e/gallery.test.ts: compares them with the ones written). One
// browser set-up for both, so that they take the same picture: a fixed viewport at
// deviceScaleFactor 1, reduced motion (the widget's entry animation off), the same fonts.
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { themes } from '../../packages/widget/src/theme/themes';
import { serveStatic } from '../serveStatic';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotsDir = resolve(repoRoot, 'docs/screenshots');
export const VIEWPORT = { width: 900, height: 700 };

/** One picture: a widget on a store's page, with a theme, in a language. */
export interface Shot {
  file: string;
  widget: 'modal' | 'banner';
  query: Record<string, string>;
}

const WIDGETS = ['modal', 'banner'] as const;
/** `auto` on three differently styled stores (examples/gallery/stores), then every preset on the first, in two languages. */
export const STORES = ['fernhill', 'night', 'hostile'];
export const PRESETS = ['auto', ...Object.keys(themes)];

export const SHOTS: Shot[] = WIDGETS.flatMap((widget) => [
  ...STORES.map((store) => ({ file: `${widget}-auto-${store}-en.png`, widget, query: { preset: 'auto', locale: 'en', widget, store } })),
  ...Object.keys(themes).flatMap((preset) =>
    ['en', 'de'].map((locale) => ({ file: `${widget}-${preset}-${locale}.png`, widget, query: { preset, locale, widget } })),
  ),
]);

/** Serves the gallery with the built files (`npm run build`) and the demo shop's pictures; resolves with its URL. */
export function serveGallery(): Promise<{ url: string; server: Server }> {
  const server = serveStatic([
    resolve(repoRoot, 'examples/gallery'),
    resolve(repoRoot, 'packages/cartback/dist'),
    resolve(repoRoot, 'examples/storefront'),
  ]);
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done({ url: `http://127.0.0.1:${typeof address == 'object' && address ? address.port : 0}`, server });
    });
  });
}

/** The context every picture is taken in. `bypassCSP` lets a test inject axe-core too. */
export async function newGalleryContext(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'reduce', ...options });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Opens a shot's page and waits for its widget and pictures; calls `look` with the page, then closes it. Returns the PNG. */
export async function takeShot(context: BrowserContext, url: string, shot: Shot, look?: (page: import('playwright-core').Page) => Promise<void>): Promise<Buffer> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() == 'error' && errors.push(message.text()));
  try {
    await page.goto(`${url}/preview.html?${new URLSearchParams(shot.query)}`);
    await page.waitForSelector('html[data-shown]');
    if ((await page.getAttribute('html', 'data-shown')) != shot.widget) throw new Error(`${shot.file}: no ${shot.widget} in this build`);
    await page.waitForFunction(() => {
      const root = document.querySelector('cartback-widget')?.shadowRoot;
      const images = [...document.images, ...(root?.querySelectorAll('img') ?? [])];
      return !!root?.firstElementChild && images.every((image) => image.complete);
    });
    await page.evaluate(() => document.fonts.ready);
    if (errors.length) throw new Error(`${shot.file}: ${errors.join('\n')}`);
    // The banner is a strip: only its part of the page, the full width, to keep the file small.
    const banner = shot.widget == 'banner' ? await page.locator('cartback-widget [part=banner]').boundingBox() : null;
    const top = banner && Math.max(0, Math.floor(banner.y) - 24);
    const clip = banner && { x: 0, y: top!, width: VIEWPORT.width, height: Math.min(VIEWPORT.height, Math.ceil(banner.y + banner.height) + 24) - top! };
    const png = await page.screenshot({ ...(clip && { clip }), animations: 'disabled', caret: 'hide' });
    await look?.(page);
    return png;
  } finally {
    await page.close();
  }
}
