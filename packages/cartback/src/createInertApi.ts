import type { CartbackApi } from '@cartback/core';

const no = () => false;

/**
 * What a page gets when cartback cannot start (a bad config, or no browser): the same
 * shape, doing nothing, so the store's own calls keep working.
 */
export function createInertApi(): CartbackApi {
  const api: CartbackApi = {
    cart: {
      add: no,
      update: no,
      remove: no,
      set: no,
      clear: no,
      items: [],
      value: 0,
      count: 0,
      currency: '',
      id: '',
      subscribe: () => () => {},
    },
    identify: no,
    checkoutStarted() {},
    purchase: no,
    consent: async () => {},
    flush: async () => {},
    on: () => () => {},
    ready: Promise.resolve(undefined as unknown as CartbackApi),
    destroy() {},
  };
  api.ready = Promise.resolve(api);
  return api;
}
