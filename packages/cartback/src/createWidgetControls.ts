// The entry of the lazy `cartback-exit.js`, loaded with the first item in the cart: the
// exit-intent detector, and the loading of the widget's UI at idle. Pages of shoppers
// without a cart never pay for either.
import type { Cartback, Experiments } from '@cartback/core';
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
 * exit intent is off. Where the store runs experiments, both wait for the visitor's arms, which
 * may change the trigger's options and the widget's (and nothing shows if they cannot load).
 */
export function createWidgetControls(cartback: Cartback, win: Window): WidgetControls {
  const { core } = cartback;
  const { experiments } = core.config;
  const arms: Promise<Experiments | undefined> | undefined = experiments && cartback.tracking().then((t) => t?.experiments());
  let options = experiments ? undefined : core.config.exitIntent ?? {};
  let detector: { destroy(): void } | undefined;
  let destroyed = false;
  const widget = core.createLoader('the widget', async () => {
    const assigned = await arms;
    return experiments && !assigned ? undefined : (await import('./startWidget.js')).startWidget(cartback, win, assigned);
  });
  const show = (trigger?: ExitTrigger) =>
    widget.load().then((w) => void (destroyed || (trigger ? w?.showExitIntent(trigger) : w?.showBanner())));
  const watch = () => {
    if (!destroyed && options && core.cart.getState().items.length) {
      widget.current() || (win.requestIdleCallback ?? setTimeout)(() => destroyed || widget.load());
      if (options.enabled !== false)
        detector ||= createExitDetector(win, options, show, (error) =>
          core.fail('chunk_failed', `touch exit intent did not load (${error})`),
        );
    } else detector = void detector?.destroy();
  };
  const unsubscribe = core.cart.subscribe(watch);
  watch();
  void arms?.then((assigned) => {
    if (!assigned) return;
    options = assigned.config.exitIntent ?? {};
    watch();
  });
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
