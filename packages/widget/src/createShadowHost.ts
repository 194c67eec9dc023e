import { styles } from './styles.js';

// Inline !important beats any stylesheet rule of the page (`* { all: unset }`, `* { transform: ... }`,
// `cartback-widget { display: none }`). Set through CSSOM, which a strict CSP allows where a
// style attribute in markup is blocked. 0×0 and fixed: the host never shifts the page's layout.
const HOST_CSS =
  'all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;' +
  'width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important';

/**
 * The `<cartback-widget>` element and its open shadow root, styled once, with the theme's
 * custom properties (getThemeVars) on it, where everything in the shadow root inherits them.
 * The element is only in the page while something shows: `attach()` adds it, `detach()`
 * removes it; `adopt(css)` adds the styles of a part loaded later (the banner).
 */
export function createShadowHost(
  document: Document,
  vars: [name: string, value: string][] = [],
): { root: ShadowRoot; attach(): void; detach(): void; adopt(css: string): void } {
  const host = document.createElement('cartback-widget');
  host.style.cssText = HOST_CSS;
  vars.forEach(([name, value]) => host.style.setProperty(name, value));
  const root = host.attachShadow({ mode: 'open' });
  const adopt = (css: string) => {
    try {
      // A constructed sheet is not an inline <style>, so `default-src 'self'` does not block it.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // No constructable stylesheets (Safari < 16.4): a <style>, which a strict CSP may block.
      const style = document.createElement('style');
      style.textContent = css;
      root.append(style);
    }
  };
  adopt(styles);
  return {
    root,
    adopt,
    attach: () => host.isConnected || (document.body || document.documentElement).append(host),
    detach: () => host.remove(),
  };
}
