// The entry of the lazy `cartback-banner-styles.js`, fetched only on a return visit (or for
// `showBanner()`): the banner's styles, and its rules (getBannerSuppression), which only a
// return visit needs.
export { getBannerSuppression } from './getBannerSuppression.js';

/**
 * The return banner's styles, appended to the widget's one stylesheet (createShadowHost) and
 * reading the same custom properties. `position: fixed` inside a 0×0 fixed host: it covers
 * the page and never moves it (no layout shift), and images have their size before they
 * load. Logical properties, so `dir="rtl"` mirrors the corner toast to the left.
 */
export const bannerStyles =
  '[part=banner]{position:fixed;inset-inline:0;bottom:0;display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:12px 16px;' +
  'background:var(--cb-bg);color:var(--cb-fg);border:1px solid var(--cb-border);box-shadow:var(--cb-shadow);font:15px/1.45 var(--cb-font)}' +
  '[data-position=top]{top:0;bottom:auto}' +
  '[data-position=corner]{inset-inline:auto 16px;bottom:16px;max-width:400px;border-radius:var(--cb-radius)}' +
  '[part=banner-image]{border-radius:6px;object-fit:cover}' +
  '[part=banner-content]{flex:1 1 200px}' +
  // "Why am I seeing this?": a small third line, under the title and the body.
  '[part=why]{font-size:13px;color:var(--cb-muted)}[part=why-text]{margin-block:4px}' +
  '[part=opt-out]{border:0;background:none;text-decoration:underline}' +
  // Title and body are two lines, not one run of words.
  '[part=banner-title]{display:block}[part=banner-body]{color:var(--cb-muted)}' +
  '[part=banner-checkout]{padding:12px 16px;border-radius:calc(var(--cb-radius)/1.5);background:var(--cb-accent);color:var(--cb-accent-fg);' +
  'font-weight:600;text-decoration:none}' +
  '[part=banner-dismiss]{width:44px;height:44px;border:0;background:none;font-size:24px;color:var(--cb-muted)}' +
  '.cb-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';
