import type { Cartback } from '@cartback/core';
import type { CartbackApi } from './CartbackApi.js';

/**
 * Adds the widget to a started cartback and returns its public API, with `showExitIntent` and
 * `showBanner`: the widget's controls (the exit-intent detector, the UI loaded at idle) are a
 * lazy file, loaded with the first item in the cart or a `show` call.
 */
export function attachWidget(cartback: Cartback, win: Window): CartbackApi {
  const { api, core } = cartback;
  const { destroy } = api;
  const controls = core.createLoader('exit intent', async () => (await import('./createWidgetControls.js')).createWidgetControls(cartback, win));
  const unsubscribe = core.cart.subscribe(() => core.cart.getState().items.length && controls.load());
  return Object.assign(api, {
    showExitIntent: () => controls.load().then((c) => c?.show('api')),
    showBanner: () => controls.load().then((c) => c?.show()),
    destroy() {
      controls.stop();
      unsubscribe();
      void controls.current()?.then((c) => c?.destroy());
      destroy();
    },
  });
}
