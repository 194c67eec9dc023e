import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newGalleryContext, screenshotsDir, serveGallery, SHOTS, takeShot } from '../examples/gallery/shootGallery';
import { launchBrowser } from './support/launchBrowser';
import { runAxe } from './support/runAxe';

/**
 * Visual regression: each gallery picture, taken as `npm run screenshots` takes it, against the
 * one in docs/screenshots/. Tolerance: pixelmatch's colour threshold 0.1 with anti-aliased
 * pixels not counted, and at most 0.1% of the pixels different (about 630 of a 900×700 modal):
 * room for a glyph's hinting, none for a changed colour, word or box. A deliberate change of
 * look is re-recorded with `npm run screenshots`, and its pictures reviewed in the commit.
 */
const MAX_DIFFERENT = 0.001;

let browser: Browser;
let gallery: { url: string; server: Server };
let context: BrowserContext;
const failures = join(tmpdir(), `cartback-gallery-${process.pid}`);

beforeAll(async () => {
  [browser, gallery] = await Promise.all([launchBrowser(), serveGallery()]);
  // bypassCSP: axe-core is injected into the `auto` pages (the gallery's CSP forbids inline script).
  context = await newGalleryContext(browser, { bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  gallery?.server.close();
});

describe('the gallery', () => {
  it.each(SHOTS.map((shot) => [shot.file, shot] as const))('looks as recorded: %s', async (file, shot) => {
    let violations: unknown[] = [];
    const png = await takeShot(context, gallery.url, shot, async (page) => {
      // `auto` on each store: the widget passes axe-core, whatever the page does.
      if (shot.query.preset == 'auto') violations = await runAxe(page, 'cartback-widget');
    });
    expect(violations).toEqual([]);

    const actual = PNG.sync.read(png);
    const expected = PNG.sync.read(readFileSync(resolve(screenshotsDir, file)));
    expect(`${actual.width}×${actual.height}`, `${file}: the picture's size changed`).toBe(`${expected.width}×${expected.height}`);
    const diff = new PNG({ width: actual.width, height: actual.height });
    const different = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
    if (different > actual.width * actual.height * MAX_DIFFERENT) {
      mkdirSync(failures, { recursive: true });
      writeFileSync(join(failures, file), png);
      writeFileSync(join(failures, file.replace('.png', '-diff.png')), PNG.sync.write(diff));
    }
    expect(different, `${file}: ${different} pixels differ (see ${failures}); if the change is meant, run \`npm run screenshots\``).toBeLessThanOrEqual(
      actual.width * actual.height * MAX_DIFFERENT,
    );
  });
});
