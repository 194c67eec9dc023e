import { describe, expect, it } from 'vitest';
import { destroyAfterEach, startInertCartback } from '../testing/startInertCartback.js';

// The public API's types, checked by `npm run typecheck`: each `@ts-expect-error` line must not
// compile (or the check fails), and each call is also checked at run time, for plain scripts.
destroyAfterEach();

describe('the typed API', () => {
  it('rejects at compile time, and at run time, what the checks reject', async () => {
    const { api } = (await startInertCartback()).cartback;
    // @ts-expect-error a price as text
    expect(api.cart.add({ id: 'mug', name: 'Mug', price: '14.50' })).toBe(false);
    // @ts-expect-error a misspelt field (`qty`), and no price
    expect(api.cart.add({ id: 'mug', name: 'Mug', qty: 2 })).toBe(false);
    expect(api.cart.add({ id: 'mug', name: 'Mug', price: 14.5, quantity: 2 })).toBe(true);
    // @ts-expect-error a patch may not change the line's id (at run time the key is ignored)
    api.cart.update('mug', { id: 'cup' });
    expect(api.cart.update('mug', { quantity: 3 })).toBe(true);
    expect(api.cart.items).toMatchObject([{ id: 'mug', quantity: 3 }]);
  });

  it('types the listener by event name', async () => {
    const { api } = (await startInertCartback()).cartback;
    const unsubscribe = api.on('cart_abandoned', (event) => {
      const id: string = event.abandonmentId;
      const reason: 'tab_closed' | 'navigated_away' | 'hidden' | 'idle' = event.reason;
      // @ts-expect-error cart_abandoned has no `order`
      void event.order.orderId;
      void [id, reason];
    });
    api.on('error', (error) => void error.code.toUpperCase());
    // @ts-expect-error not an event type
    api.on('cart_abandonned', () => {});
    unsubscribe();
  });
});
