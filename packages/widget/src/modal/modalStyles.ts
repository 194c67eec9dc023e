/**
 * The exit-intent modal's styles, part of the lazy `cartback-modal.js` (fetched
 * when the modal may show, see createModalController): added to the widget's base styles
 * (styles.ts), reading the same custom properties. Only logical properties (`inset-inline-end`,
 * `padding-inline-*`): with `dir="rtl"` everything mirrors. The entry animation moves and
 * scales but never fades in: the modal is fully painted on its first frame. The backdrop also
 * overrides the UA styles of `[popover]`.
 */
export const modalStyles =
  '[part=backdrop]{color-scheme:var(--cb-scheme);position:fixed;inset:0;z-index:2147483647;width:auto;height:auto;border:0;display:flex;align-items:center;justify-content:center;background:var(--cb-backdrop);color:var(--cb-fg)}' +
  '[part=dialog]{position:relative;display:flex;flex-direction:column;gap:var(--cb-space);width:calc(100% - 32px);max-width:440px;max-height:90vh;overflow:auto;padding:24px;background:var(--cb-bg);border-radius:var(--cb-radius);box-shadow:var(--cb-shadow);font:15px/1.45 var(--cb-font);animation:cb .15s ease-out}' +
  '@keyframes cb{from{transform:translateY(8px) scale(.97)}}[part=dialog]>*{flex-shrink:0}' +
  'h2{font-size:20px;line-height:1.3;padding-inline-end:32px}' +
  '[part=close]{position:absolute;top:12px;inset-inline-end:12px;width:32px;height:32px;border:0;border-radius:50%;background:none;font-size:24px;color:var(--cb-muted)}' +
  '[part=items]{flex-shrink:1;min-height:80px;overflow:auto;list-style:none;border-block:1px solid var(--cb-border)}' +
  '[part=items]:focus-visible{outline-offset:-3px}' +
  // The image column is as wide as the image: a line without one starts at the edge.
  '[part=item]{display:grid;grid-template-columns:auto minmax(0,1fr) auto;align-items:center;padding:8px 0}' +
  '[part=item]+*{border-top:1px solid var(--cb-border)}' +
  '[part=image]{grid-row:1/3;margin-inline-end:12px;border-radius:calc(var(--cb-radius)/1.5);object-fit:cover}' +
  // A long name ends with an ellipsis (its whole text stays its accessible name).
  '[part=name]{grid-column:2;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  // "Why am I seeing this?" is small print too (grid-column does nothing outside the item's grid).
  '[part=quantity],[part=countdown],[part=why]{grid-column:2;color:var(--cb-muted);font-size:14px;font-variant-numeric:tabular-nums}' +
  '[part=price]{grid-area:1/3/3;padding-inline-start:12px;font-weight:600}[part=total]{display:flex;justify-content:space-between;font-weight:700}' +
  '[part=offer]{padding:12px;border:1px dashed var(--cb-accent);border-radius:calc(var(--cb-radius)/1.5)}' +
  '[part=code]{font-weight:700}[part=countdown]{display:block}[part=form]{display:flex;flex-wrap:wrap;gap:8px}' +
  '[part=label]{flex-basis:100%;font-weight:600}' +
  '[part=input],[part=submit],[part=checkout],[part=dismiss]{min-height:44px;padding:0 16px;border:1px solid var(--cb-muted);border-radius:calc(var(--cb-radius)/1.5);background:var(--cb-bg)}' +
  '[part=submit],[part=checkout],[part=dismiss]{display:flex;align-items:center;justify-content:center;font-weight:600;text-decoration:none}' +
  // One primary action, checkout, filled with the accent; the others are outlined, and
  // "Don't show this again" is a link-like button in the small print.
  '[part=opt-out]{border:0;background:none;text-decoration:underline}' +
  '[part=input]{flex:1 1 180px;min-width:0;padding:0 12px;cursor:text}' +
  // On a phone the field and its button are one column, each the dialog's full width.
  '@media (max-width:480px){[part=input],[part=submit]{flex-basis:100%}}' +
  '[part=checkout]{border-color:var(--cb-accent);background:var(--cb-accent);color:var(--cb-accent-fg)}';
