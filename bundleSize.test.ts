// Size budgets as a test (PRODUCT.md, "Performance budgets"). Each ceiling sits a few
// percent above the measured size and never above the budget. To raise one, say in the
// same commit what grew and why it is worth the bytes every store's shoppers pay.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'packages/cartback/dist/';

// Measured 2026-11-21 with `npm run build`: cartback.js 6,121, tracking 4,812, diagnostics 688.
// cartback.js sits at its budget: the next eager feature must pay for itself first.
const CEILINGS: Record<string, { gzip: number; budget: number }> = {
  // What every page pays: the loader and the cart (PRODUCT.md: 6 KB).
  'cartback.js': { gzip: 6144, budget: 6 * 1024 },
  // Events, outbox and delivery: loaded once there is a cart or an event.
  'cartback-tracking.js': { gzip: 4950, budget: 6 * 1024 },
  // The wording of config errors: loaded only on a page whose config is wrong.
  'cartback-diagnostics.js': { gzip: 720, budget: 1024 },
};

// Things the eager file must never contain: a UI framework (the widget is a lazy chunk)
// and unload handlers (they break the back/forward cache).
const FORBIDDEN = [/preact/i, /["']beforeunload["']/, /["']unload["']/];

describe('bundle size', () => {
  for (const [name, { gzip, budget }] of Object.entries(CEILINGS)) {
    it(`${name} stays under ${gzip} bytes gzip (budget ${budget})`, () => {
      const file = DIST + name;
      expect(existsSync(file), `${file} is missing: run \`npm run build\` first`).toBe(true);
      const size = gzipSync(readFileSync(file), { level: 9 }).length;
      expect(gzip).toBeLessThanOrEqual(budget);
      expect(size, `${file} is ${size} bytes gzip, over its ceiling of ${gzip}`).toBeLessThanOrEqual(gzip);
    });
  }

  it.each(Object.keys(CEILINGS))('%s contains no UI framework and no unload handlers', (name) => {
    const code = readFileSync(DIST + name, 'utf8');
    for (const pattern of FORBIDDEN) expect(code).not.toMatch(pattern);
  });
});
