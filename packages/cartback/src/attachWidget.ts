import { CartbackError, type Cartback } from '@cartback/core';
import { createExitDetector, type ExitTrigger, type Widget } from '@cartback/widget';
import type { CartbackApi } from './CartbackApi.js';

/**
 * Adds the widget to a started cartback. While the cart holds something the exit-intent
 * detector listens (with an empty cart nothing does), and the UI chunk is fetched at idle,
 * so that the modal paints within a frame of the trigger.
 */
export function attachWidget(cartback: Cartback, win: Window): CartbackApi {
  const { core, destroy } = cartback;
  const options = core.config.exitIntent ?? {};
  let widget: Promise<Widget | void> | undefined;
  let detector: { destroy(): void } | undefined;
  let destroyed = false;
  const load = () =>
    (widget ??= import('./startWidget.js').then(
      ({ startWidget }) => startWidget(cartback, win),
      (error) => {
        widget = undefined;
        core.report(new CartbackError('chunk_failed', `the widget did not load (${error})`));
      },
    ));
  const show = (trigger: ExitTrigger) => load().then((w) => (destroyed ? undefined : w?.showExitIntent(trigger)));
  const watch = () => {
    if (!destroyed && core.cart.getState().items.length && options.enabled !== false) {
      if (detector) return;
      detector = createExitDetector(win, options, show);
      (win.requestIdleCallback ?? setTimeout)(() => destroyed || load());
    } else detector = void detector?.destroy();
  };
  const unsubscribe = core.cart.subscribe(watch);
  return Object.assign(cartback, {
    showExitIntent: () => show('api'),
    destroy() {
      destroyed = true;
      unsubscribe();
      watch();
      void widget?.then((w) => w?.destroy());
      destroy();
    },
  });
}
