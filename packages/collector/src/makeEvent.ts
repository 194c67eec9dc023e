import { randomUUID } from 'node:crypto';

/** Test fixtures: a valid event of any type, as the SDK would send it, with overrides. */
export function makeEvent(type: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = {
    id: randomUUID(),
    type,
    time: new Date().toISOString(),
    anonymousId: '6f1c2c1e-8d7a-4b51-9a3e-2f4d5c6b7a80',
    sessionId: 's-1',
    page: { url: 'https://shop.example/cart', path: '/cart', title: 'Cart', referrer: '' },
    context: { library: { name: 'cartback', version: '1.0.0' }, locale: 'en', consent: 'not_required' },
  };
  return { ...base, ...typeFields(type), ...overrides };
}

export function makeCart(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cart-1',
    version: 3,
    items: [{ id: 'sku-1', name: 'Mug', price: 12.5, quantity: 2 }],
    value: 25,
    currency: 'EUR',
    count: 2,
    ...overrides,
  };
}

export function makeBatch(events: unknown[]): { v: 1; sentAt: string; events: unknown[] } {
  return { v: 1, sentAt: new Date().toISOString(), events };
}

function typeFields(type: string): Record<string, unknown> {
  switch (type) {
    case 'cart_updated':
    case 'cart_returned':
      return { cart: makeCart() };
    case 'cart_abandoned':
      return { cart: makeCart(), abandonmentId: 'cart-1:3', reason: 'tab_closed' };
    case 'abandonment_cancelled':
      return { cart: makeCart(), abandonmentId: 'cart-1:3', reason: 'next_page' };
    case 'order_completed':
      return { order: { orderId: 'o-1', value: 25, currency: 'EUR' }, attribution: [] };
    case 'identified':
      return { traits: { email: 'ann@example.com' } };
    case 'exit_intent_shown':
      return { cart: makeCart(), trigger: 'pointer' };
    case 'exit_intent_dismissed':
      return { how: 'escape' };
    case 'exit_intent_clicked':
      return { target: 'checkout' };
    case 'banner_shown':
      return { cart: makeCart(), trigger: 'return', position: 'bottom' };
    case 'banner_dismissed':
      return { how: 'close' };
    case 'banner_clicked':
      return { target: 'checkout' };
    case 'widget_suppressed':
      return { widget: 'exit_intent', reason: 'holdout' };
    default:
      return {};
  }
}
