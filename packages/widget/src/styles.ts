/**
 * The widget's base styles, shared by the modal and the banner: px only (the page may set
 * `html { font-size: 10px }`, which rem would follow), and the look as custom properties with
 * their light defaults on `:host`. A theme sets them on the host element itself
 * (getThemeVars), and a page can set them with `cartback-widget { --cb-accent: ... }` or
 * through `::part()`. Text colours pass WCAG AA on --cb-bg. The modal's and the banner's own
 * rules are files of their own (modalStyles, bannerStyles), loaded when they may show.
 */
export const styles =
  ':host{--cb-bg:#fff;--cb-fg:#1d1d1f;--cb-muted:#595959;--cb-accent:#1a56db;--cb-accent-fg:#fff;--cb-border:#d6d6d6;--cb-radius:12px;--cb-font:system-ui,sans-serif;--cb-space:16px;--cb-shadow:0 20px 60px #0000004d;--cb-backdrop:#1119;--cb-scheme:light}' +
  '*{box-sizing:border-box;margin:0;padding:0}button,input,a{font:inherit;color:inherit;cursor:pointer}' +
  ':focus-visible{outline:3px solid var(--cb-accent);outline-offset:2px}' +
  '@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}';
