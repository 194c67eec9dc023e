import type { ResolvedConfig } from '@cartback/core';
import type { ExitTrigger } from './types.js';

export type ExitIntentOptions = NonNullable<ResolvedConfig['exitIntent']>;

/** The pointer may come straight back (a slip past the tab strip): only then is it leaving. */
export const GRACE = 100;

/**
 * Watches for a shopper about to leave and calls `onExit`, at most once per signal burst:
 * - desktop: the pointer leaves the page through its top edge (within `sensitivity` px),
 *   not into a <select> or autocomplete popup, the scrollbar or one of the page's iframes;
 * - touch devices: a fast scroll up, or coming back after the tab was hidden a while.
 * Nothing fires in the first `armDelay` ms on the page. Every listener goes in `destroy()`.
 */
export function createExitDetector(win: Window, options: ExitIntentOptions, onExit: (trigger: ExitTrigger) => void) {
  const doc = win.document;
  const { sensitivity = 20, armDelay = 3000, mobile = true } = options;
  const { scrollSpeed = 2000, returnAfter = 10_000 } = typeof mobile == 'object' ? mobile : {};
  const removers: Array<() => void> = [];
  const on = (target: EventTarget, type: string, fn: (event: any) => void) => {
    target.addEventListener(type, fn, { passive: true });
    removers.push(() => target.removeEventListener(type, fn));
  };
  const fire = (trigger: ExitTrigger) => win.performance.now() >= armDelay && onExit(trigger);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let anchorY = 0;
  let anchorTime = -1e9;
  let hiddenAt = 0;

  if (!win.matchMedia?.('(pointer: coarse)').matches) {
    on(doc, 'mouseout', (e: MouseEvent) => {
      const x = e.clientX;
      const y = e.clientY;
      // Firefox fires mouseout with no relatedTarget over an open <select> or autocomplete list.
      const into = y >= 0 && doc.elementFromPoint(x, y);
      if (
        !e.relatedTarget &&
        y <= sensitivity &&
        x >= 0 &&
        x < doc.documentElement.clientWidth && // the scrollbar is outside clientWidth
        !/^(SELECT|OPTION|INPUT)$/.test((e.target as Element).tagName) &&
        (!into || into.tagName != 'IFRAME')
      )
        timer = setTimeout(fire, GRACE, 'pointer');
    });
    on(doc, 'mouseover', () => clearTimeout(timer));
  } else if (mobile) {
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
  return {
    destroy() {
      clearTimeout(timer);
      removers.forEach((remove) => remove());
    },
  };
}
