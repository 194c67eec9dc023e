import { CartbackError, type Cartback } from '@cartback/core';
import type { CartbackApi } from './CartbackApi.js';
import type { WidgetControls } from './createWidgetControls.js';

/**
 * Adds the widget to a started cartback: its controls (the exit-intent detector, the UI
 * loaded at idle) are a lazy file, loaded with the first item in the cart or a `show` call.
 * A file that fails to load is tried again at the next cart change or call.
 */
export function attachWidget(cartback: Cartback, win: Window): Cartback & Pick<CartbackApi, 'showExitIntent' | 'showBanner'> {
  const { core, destroy } = cartback;
  let controls: Promise<WidgetControls | void> | undefined;
  let destroyed = false;
  const load = () =>
    (controls ??= import('./createWidgetControls.js').then(
      ({ createWidgetControls }) => (destroyed ? undefined : createWidgetControls(cartback, win)),
      (error) => {
        controls = undefined;
        core.report(new CartbackError('chunk_failed', `exit intent did not load (${error})`));
      },
    ));
  const unsubscribe = core.cart.subscribe((snapshot) => snapshot.items.length && load());
  return Object.assign(cartback, {
    showExitIntent: () => load().then((c) => c?.show('api')),
    showBanner: () => load().then((c) => c?.show()),
    destroy() {
      destroyed = true;
      unsubscribe();
      void controls?.then((c) => c?.destroy());
      destroy();
    },
  });
}
