import type { CartbackEvent } from '../events.js';

let seq = 0;

/** A valid `cart_updated` with a fresh id (`evt-N`) and one item named `name`, for unit tests. */
export function makeEvent(name = 'Mug', extra: Record<string, unknown> = {}): CartbackEvent {
  return {
    id: `evt-${++seq}`,
    type: 'cart_updated',
    time: '2026-11-21T10:00:00.000Z',
    anonymousId: 'anon-1',
    sessionId: 'sess-1',
    page: { url: 'https://shop.test/', path: '/', title: 'Shop', referrer: '' },
    context: { library: { name: 'cartback', version: '0.1.0' }, locale: 'en', consent: 'granted' },
    cart: { id: 'cart-1', version: 1, items: [{ id: 'p1', name, price: 10, quantity: 1 }], currency: 'EUR', value: 10, count: 1 },
    ...extra,
  };
}
