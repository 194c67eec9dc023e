// The entry of the lazy widget chunk (`cartback-widget.js`): the UI, and the host that
// gives it what it needs from the rest of cartback.
import { CartbackError, type Cartback, type Experiments } from '@cartback/core';
import type { WidgetHost } from '@cartback/widget';
import { createWidget } from '@cartback/widget/ui';

/** The widget's own record in cartback's storage. */
const WIDGET_KEY = 'widget';

/** `experiments`: the visitor's arms, where the store runs experiments (their config replaces the store's). */
export function startWidget(cartback: Cartback, win: Window, experiments?: Experiments) {
  const { core } = cartback;
  const { platform } = core;
  const config = experiments?.config ?? core.config;
  // Without the tracking chunk (never in a browser, but typed so) the page is the session.
  const pageSession = { id: platform.uuid(), converted: false, returned: false, checkoutStarted: false };
  const host: WidgetHost = {
    // The store's config, with what the platform adapter defaults where it says nothing.
    config: {
      ...config,
      get restoreUrl() {
        return config.restoreUrl ?? cartback.platformDefaults.restoreUrl;
      },
    },
    experiments,
    window: win,
    getCart: core.cart.getSnapshot,
    subscribe: (fn) => core.cart.subscribe((snapshot) => fn(snapshot)),
    track: cartback.track,
    identify: cartback.api.identify,
    async getSession() {
      const { id, converted, returned, checkoutStarted } = (await (await cartback.tracking())?.session()) ?? pageSession;
      return { id, converted: !!converted, returned, checkoutStarted: !!checkoutStarted };
    },
    load: () => core.getStorage().get(WIDGET_KEY),
    save: (record) => core.getStorage().set(WIDGET_KEY, record),
    now: platform.now,
    debug: (message) => config.debug && platform.console.info('[cartback] ' + message),
    // Not core's `report`, which warns once per code: each unsafe URL is its own mistake.
    warn(code, message) {
      const error = new CartbackError(code, message);
      core.emitter.emit('error', error);
      platform.console.warn(error.message);
    },
    reject: (code, message) => core.reject(new CartbackError(code, message)),
  };
  return createWidget(host);
}
