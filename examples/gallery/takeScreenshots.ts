// `npm run screenshots`: the widget gallery (examples/gallery) in headless Chromium, one PNG per
// shot (shootGallery.ts: `auto` on three stores, then each preset in two languages) in
// docs/screenshots/, for the README and as the references of the visual regression test
// (e2e/gallery.test.ts). Run it on purpose, when the widget's look changes, and review the
// pictures before committing them. It builds nothing: it serves the files `npm run build` made.
// With `--serve` it only serves the gallery, for a person to look at.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../../e2e/support/launchBrowser';
import { newGalleryContext, PRESETS, screenshotsDir, serveGallery, SHOTS, takeShot } from './shootGallery';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const distDir = resolve(repoRoot, 'packages/cartback/dist');

async function main() {
  if (!existsSync(resolve(distDir, 'cartback.js'))) throw new Error(`${distDir}/cartback.js is missing. Run \`npm run build\` first.`);
  const { url, server } = await serveGallery();
  if (process.argv.includes('--serve')) {
    console.log(`The widget gallery is on ${url}/ (Ctrl+C stops it).`);
    return;
  }
  const browser = await launchBrowser();
  try {
    const context = await newGalleryContext(browser);
    await checkOverview(context, url);
    mkdirSync(screenshotsDir, { recursive: true });
    for (const shot of SHOTS) {
      const file = resolve(screenshotsDir, shot.file);
      writeFileSync(file, await takeShot(context, url, shot));
      console.log(`${file.slice(repoRoot.length)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
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

main().catch((error: unknown) => {
  console.error(`[screenshots] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
