// Size budgets as a test (PRODUCT.md, "Performance budgets"). Each ceiling sits a few
// percent above the measured size and never above the budget. To raise one, say in the
// same commit what grew and why it is worth the bytes every store's shoppers pay.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const CEILINGS: Record<string, { gzip: number; budget: number }> = {
  'packages/cartback/dist/cartback.js': { gzip: 6100, budget: 6 * 1024 },
};

// Things the eager file must never contain: a UI framework (the widget is a lazy chunk)
// and unload handlers (they break the back/forward cache).
const FORBIDDEN = [/preact/i, /["']beforeunload["']/, /["']unload["']/];

describe('bundle size', () => {
  for (const [file, { gzip, budget }] of Object.entries(CEILINGS)) {
    it(`${file} stays under ${gzip} bytes gzip (budget ${budget})`, () => {
      expect(existsSync(file), `${file} is missing: run \`npm run build\` first`).toBe(true);
      const size = gzipSync(readFileSync(file), { level: 9 }).length;
      expect(gzip).toBeLessThanOrEqual(budget);
      expect(size, `${file} is ${size} bytes gzip, over its ceiling of ${gzip}`).toBeLessThanOrEqual(gzip);
    });
  }

  it('cartback.js contains no UI framework and no unload handlers', () => {
    const code = readFileSync('packages/cartback/dist/cartback.js', 'utf8');
    for (const pattern of FORBIDDEN) expect(code).not.toMatch(pattern);
  });
});
