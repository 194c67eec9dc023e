import { CartbackError, type Cartback } from '@cartback/core';
import { createExitDetector, type ExitTrigger, type Widget } from '@cartback/widget';
import type { CartbackApi } from './CartbackApi.js';

/**
 * Adds the widget to a started cartback. While the cart holds something the exit-intent
 * detector listens (with an empty cart nothing does), and the UI chunk is fetched at idle,
 * so that the modal paints within a frame of the trigger; the chunk also decides on the
 * return banner, so it loads with a cart even when exit intent is off.
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
  /** Opens the modal (with a trigger) or the banner (without), once the chunk is there. */
  const show = (trigger?: ExitTrigger) =>
    load().then((w) => void (destroyed || (trigger ? w?.showExitIntent(trigger) : w?.showBanner())));
  const watch = () => {
    if (!destroyed && core.cart.getState().items.length) {
      widget || (win.requestIdleCallback ?? setTimeout)(() => destroyed || load());
      if (options.enabled !== false)
        detector ||= createExitDetector(win, options, show, (error) =>
          core.report(new CartbackError('chunk_failed', `touch exit intent did not load (${error})`)),
        );
    } else detector = void detector?.destroy();
  };
  const unsubscribe = core.cart.subscribe(watch);
  return Object.assign(cartback, {
    showExitIntent: () => show('api'),
    showBanner: () => show(),
    destroy() {
      destroyed = true;
      unsubscribe();
      watch();
      void widget?.then((w) => w?.destroy());
      destroy();
    },
  });
}
