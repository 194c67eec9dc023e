import type { ExitIntentOptions, ExitTrigger } from '../types.js';

type On = (target: EventTarget, type: string, fn: (event: any) => void) => void;

/**
 * Exit intent on touch devices, a lazy file (`cartback-touch.js`) that only phones and tablets
 * load: a fast scroll up (more than 100 px at `scrollSpeed` px/s or faster), or coming back to
 * the tab after it was hidden for `returnAfter` ms. Neither signal is urgent in the first
 * moments after the cart fills, so the few hundred bytes stay out of every page's cartback.js.
 * `on` adds a listener that the detector's `destroy()` removes.
 */
export function watchTouchExit(win: Window, options: ExitIntentOptions, on: On, fire: (trigger: ExitTrigger) => void): void {
  const doc = win.document;
  const { mobile } = options;
  const { scrollSpeed = 2000, returnAfter = 10_000 } = typeof mobile == 'object' ? mobile : {};
  let anchorY = 0;
  let anchorTime = -1e9;
  let hiddenAt = 0;
  if (scrollSpeed)
    on(win, 'scroll', (e: Event) => {
      const y = win.scrollY;
      const t = e.timeStamp;
      // Measured from where this upward run started, within the last quarter second.
      if (y > anchorY || t - anchorTime > 250) [anchorY, anchorTime] = [y, t];
      else if (anchorY - y > 100 && ((anchorY - y) * 1000) / (t - anchorTime) >= scrollSpeed) {
        anchorTime = -1e9;
        fire('scroll');
      }
    });
  if (returnAfter !== false)
    on(doc, 'visibilitychange', (e: Event) => {
      if (doc.hidden) hiddenAt = e.timeStamp;
      else if (hiddenAt && e.timeStamp - hiddenAt >= returnAfter) fire('return');
    });
}
