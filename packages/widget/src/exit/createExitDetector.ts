import type { ExitIntentOptions, ExitTrigger } from '../types.js';

/** The pointer may come straight back (a slip past the tab strip): only then is it leaving. */
export const GRACE = 100;

/**
 * Watches for a shopper about to leave and calls `onExit`, at most once per signal burst:
 * - desktop: the pointer leaves the page through its top edge (within `sensitivity` px),
 *   not into a <select> or autocomplete popup, the scrollbar or one of the page's iframes;
 * - touch devices: a fast scroll up, or coming back after the tab was hidden a while (see
 *   watchTouchExit, a lazy file; `onError` hears if it cannot load).
 * Nothing fires in the first `armDelay` ms on the page. Every listener goes in `destroy()`.
 */
export function createExitDetector(
  win: Window,
  options: ExitIntentOptions,
  onExit: (trigger: ExitTrigger) => void,
  onError: (error: unknown) => void,
) {
  const doc = win.document;
  const { sensitivity = 20, armDelay = 3000, mobile = true } = options;
  const removers: Array<() => void> = [];
  const on = (target: EventTarget, type: string, fn: (event: any) => void) => {
    target.addEventListener(type, fn, { passive: true });
    removers.push(() => target.removeEventListener(type, fn));
  };
  const fire = (trigger: ExitTrigger) => win.performance.now() >= armDelay && onExit(trigger);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

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
  } else if (mobile)
    import('./watchTouchExit.js').then(
      ({ watchTouchExit }) => destroyed || watchTouchExit(win, options, on, fire),
      onError,
    );
  return {
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      removers.forEach((remove) => remove());
    },
  };
}
