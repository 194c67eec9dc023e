// Size budgets as a test (PRODUCT.md, "Performance budgets"). Each ceiling sits a few
// percent above the measured size and never above the budget. To raise one, say in the
// same commit what grew and why it is worth the bytes every store's shoppers pay.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'packages/cartback/dist/';

// Measured 2026-11-21 with `npm run build` (terser-minified), gzip bytes in the comments.
// A widget chunk's next feature must pay for itself first (move wording, presets or anything
// optional into a lazy file), as the touch exit signals did for cartback.js.
const CEILINGS: Record<string, { gzip: number; budget: number }> = {
  // What every page pays: the loader, the cart, storage, consent and durable capture (events
  // drafted and kept here, the tracking chunk retried) (PRODUCT.md: 6 KB). 6,067; then 6,121
  // with durable capture in, paid for by moving the exit-intent detector (cartback-exit.js)
  // and the background work of a page (cartback-idle.js) out. At its budget: the ceiling is it.
  'cartback.js': { gzip: 6144, budget: 6 * 1024 },
  // What every page loads at its first idle moment: tab sync, the platform adapter's start,
  // the check for events an earlier page left. 833 (it uses the engine's chunk loader).
  'cartback-idle.js': { gzip: 870, budget: 1.5 * 1024 },
  // With the first item in the cart: the exit-intent detector and the widget's loader. 838.
  'cartback-exit.js': { gzip: 860, budget: 1.5 * 1024 },
  // Events, outbox, delivery, sessions and attribution: once there is a cart or an event. 4,989;
  // then 5,544 (+512) with capEvent and the page-hide order of beacons: every event is capped
  // at 16 KiB so a big cart's abandonment fits the beacon quota at tab close (it was lost);
  // then 6,276 with the outbox's record checks (+128), the drafts the engine kept, provisional
  // abandonments and their cancellation, and the other-tab message (+604). Our budget, not
  // PRODUCT.md's, raised from 6 KB to 7 KB for them: they are what makes an abandonment arrive.
  'cartback-tracking.js': { gzip: 6460, budget: 7 * 1024 },
  // The wording of config errors: only on a page whose config is wrong. 714.
  'cartback-diagnostics.js': { gzip: 750, budget: 1024 },
  // Exit intent on touch devices: there, once the cart is non-empty. 332.
  'cartback-touch.js': { gzip: 350, budget: 1024 },
  // The platform adapters, only on a store that uses one: the list (207), then its own
  // adapter (Shopify 1,495; WooCommerce 2,309; dataLayer 1,600). They check items with the
  // engine's validateItem (`core.validateItem`), not a copy of their own. No spec budget:
  // 3 KB each is ours. Then the list 401: it builds the adapters' narrow host (createAdapterHost),
  // so no adapter gets the engine (Shopify 1,442; WooCommerce 2,242; dataLayer 1,554).
  'cartback-adapters.js': { gzip: 420, budget: 1024 },
  'cartback-shopify.js': { gzip: 1600, budget: 3 * 1024 },
  'cartback-woocommerce.js': { gzip: 2450, budget: 3 * 1024 },
  'cartback-datalayer.js': { gzip: 1700, budget: 3 * 1024 },
  // Preact, the modal, the banner, the light theme and English: at idle once the cart is
  // non-empty (PRODUCT.md: 12 KB). 12,202. Then 15,953 with the widget's state in
  // @preact/signals (the cart, the record, the modal, the banner and the offer's countdown as
  // signals, no hand-made repaints): the library costs 3,750 B (its core, its Preact binding
  // and preact/hooks, which the binding imports). Paid back in part by what loads when: the
  // modal's styles only where it may still show on the page (-686), the option rules only where
  // a store sets options, the unsafe-URL wording with the other diagnostics (-354): 14,912.
  // Budget raised from 12 KB to 15 KB for signals.
  'cartback-widget.js': { gzip: 15 * 1024, budget: 15 * 1024 },
  // What the widget loads only when a page needs it: the wording of mistakes (1,853; 1,744 once
  // the sources were in folders; 1,840 with the unsafe-URL warning), the option rules (664, where a store sets exitIntent, offer or banner),
  // the modal's styles (986, where it may show), the banner's (519, on a return visit), a preset
  // other than light (597), a language other than English (349-419; then 462-554 with each
  // string named by its key, no longer `|`-joined in the order of English's).
  'cartback-widget-diagnostics.js': { gzip: 1870, budget: 2048 },
  'cartback-widget-options.js': { gzip: 690, budget: 1024 },
  'cartback-modal-styles.js': { gzip: 1010, budget: 1024 },
  'cartback-banner-styles.js': { gzip: 540, budget: 1024 },
  'cartback-theme.js': { gzip: 620, budget: 1024 },
  ...Object.fromEntries(['de', 'fr', 'es', 'ar', 'he'].map((locale) => [`cartback-locale-${locale}.js`, { gzip: 570, budget: 1024 }])),
};

// Things a file must never contain: a UI framework outside the widget chunk (Preact's
// minified code is recognised by its `__k` children field) and unload handlers anywhere
// (they break the back/forward cache).
const UNLOAD = [/["']beforeunload["']/, /["']unload["']/];
const NO_UI = [/preact/i, /\.__k\b/, ...UNLOAD];
const FORBIDDEN: Record<string, RegExp[]> = {
  'cartback.js': NO_UI,
  'cartback-idle.js': NO_UI,
  'cartback-exit.js': NO_UI,
  'cartback-tracking.js': NO_UI,
  'cartback-diagnostics.js': NO_UI,
  ...Object.fromEntries(
    ['touch', 'adapters', 'shopify', 'woocommerce', 'datalayer'].map((name) => [`cartback-${name}.js`, NO_UI]),
  ),
  'cartback-widget.js': UNLOAD,
};

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

  it.each(Object.entries(FORBIDDEN))('%s contains nothing it must not', (name, patterns) => {
    const code = readFileSync(DIST + name, 'utf8');
    for (const pattern of patterns) expect(code).not.toMatch(pattern);
  });
});
