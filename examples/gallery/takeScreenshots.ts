// `npm run screenshots`: the widget gallery (examples/gallery) in headless Chromium, one PNG per
// widget, preset and locale in docs/screenshots/, for the README. It builds nothing: it serves
// the files `npm run build` made. With `--serve` it only serves the gallery, for a person to look at.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../e2e/support/launchBrowser';
import { themes } from '../../packages/widget/src/theme/themes';
import { serveStatic } from '../serveStatic';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const distDir = resolve(repoRoot, 'packages/cartback/dist');
const galleryDir = resolve(repoRoot, 'examples/gallery');
// The demo shop's product pictures, for the sample cart.
const storefrontDir = resolve(repoRoot, 'examples/storefront');
const outDir = resolve(repoRoot, 'docs/screenshots');

const PRESETS = Object.keys(themes);
const LOCALES = ['en', 'de'];
const WIDGETS = ['modal', 'banner'] as const;
const VIEWPORT = { width: 900, height: 700 };

async function main() {
  if (!existsSync(resolve(distDir, 'cartback.js'))) throw new Error(`${distDir}/cartback.js is missing. Run \`npm run build\` first.`);
  const server = serveStatic([galleryDir, distDir, storefrontDir]);
  const url = await listen(server);
  if (process.argv.includes('--serve')) {
    console.log(`The widget gallery is on ${url}/ (Ctrl+C stops it).`);
    return;
  }
  const browser = await launchBrowser();
  try {
    // reducedMotion: the widget then skips its entry animation, so each picture is its resting state.
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    context.setDefaultTimeout(15_000);
    await checkOverview(context, url);
    mkdirSync(outDir, { recursive: true });
    for (const widget of WIDGETS)
      for (const preset of PRESETS)
        for (const locale of LOCALES) {
          const file = resolve(outDir, `${widget}-${preset}-${locale}.png`);
          const taken = await takeScreenshot(context, `${url}/preview.html?${new URLSearchParams({ preset, locale, widget })}`, widget, file);
          console.log(taken ? `${file.slice(repoRoot.length)}  ${(statSync(file).size / 1024).toFixed(0)} KB` : `no ${widget} in this build: ${widget}-${preset}-${locale}.png skipped`);
        }
  } finally {
    await browser.close();
    server.close();
  }
}

/** The overview page must show every preset there is: its list is in gallery.js. */
async function checkOverview(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(`${url}/`);
  const shown = await page.$$eval('iframe', (frames) => [...new Set(frames.map((f) => new URL(f.src).searchParams.get('preset')))]);
  await page.close();
  if (shown.join() != PRESETS.join())
    throw new Error(`examples/gallery/index.html shows the presets ${shown.join(', ')}, but there are ${PRESETS.join(', ')}: update PRESETS in gallery.js.`);
}

/** One preview page, once its widget shows and its pictures have loaded; false if the build has no such widget. */
async function takeScreenshot(context: BrowserContext, url: string, widget: string, file: string): Promise<boolean> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() == 'error' && errors.push(message.text()));
  try {
    await page.goto(url);
    await page.waitForSelector('html[data-shown]');
    if ((await page.getAttribute('html', 'data-shown')) == 'none') return false;
    await page.waitForFunction(() => {
      const root = document.querySelector('cartback-widget')?.shadowRoot;
      const images = [...document.images, ...(root?.querySelectorAll('img') ?? [])];
      return !!root?.firstElementChild && images.every((image) => image.complete);
    });
    if (errors.length) throw new Error(`${url}: ${errors.join('\n')}`);
    // The banner is a strip: only its part of the page, the full width, to keep the file small.
    const banner = widget == 'banner' ? await page.locator('cartback-widget [part=banner]').boundingBox() : null;
    const clip = banner && {
      x: 0,
      y: Math.max(0, banner.y - 24),
      width: VIEWPORT.width,
      height: Math.min(VIEWPORT.height, banner.y + banner.height + 24) - Math.max(0, banner.y - 24),
    };
    await page.screenshot({ path: file, ...(clip && { clip }) });
    return true;
  } finally {
    await page.close();
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(`http://127.0.0.1:${typeof address == 'object' && address ? address.port : 0}`);
    });
  });
}

main().catch((error: unknown) => {
  console.error(`[screenshots] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
