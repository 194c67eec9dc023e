// The entry of the lazy `cartback-exit.js`, loaded with the first item in the cart: the
// exit-intent detector, and the loading of the widget's UI at idle. Pages of shoppers
// without a cart never pay for either.
import type { Cartback } from '@cartback/core';
import { createExitDetector, type ExitTrigger } from '@cartback/widget';

export interface WidgetControls {
  /** Opens the modal (with a trigger) or the banner (without), once the UI chunk is there. */
  show(trigger?: ExitTrigger): Promise<void>;
  destroy(): void;
}

/**
 * While the cart holds something the exit-intent detector listens (with an empty cart nothing
 * does), and the UI chunk is fetched at idle, so that the modal paints within a frame of the
 * trigger; the chunk also decides on the return banner, so it loads with a cart even when
 * exit intent is off.
 */
export function createWidgetControls(cartback: Cartback, win: Window): WidgetControls {
  const { core } = cartback;
  const options = core.config.exitIntent ?? {};
  let detector: { destroy(): void } | undefined;
  let destroyed = false;
  const widget = core.createLoader('the widget', async () => (await import('./startWidget.js')).startWidget(cartback, win));
  const show = (trigger?: ExitTrigger) =>
    widget.load().then((w) => void (destroyed || (trigger ? w?.showExitIntent(trigger) : w?.showBanner())));
  const watch = () => {
    if (!destroyed && core.cart.getState().items.length) {
      widget.current() || (win.requestIdleCallback ?? setTimeout)(() => destroyed || widget.load());
      if (options.enabled !== false)
        detector ||= createExitDetector(win, options, show, (error) =>
          core.fail('chunk_failed', `touch exit intent did not load (${error})`),
        );
    } else detector = void detector?.destroy();
  };
  const unsubscribe = core.cart.subscribe(watch);
  watch();
  return {
    show,
    destroy() {
      destroyed = true;
      widget.stop();
      unsubscribe();
      watch();
      void widget.current()?.then((w) => w?.destroy());
    },
  };
}
