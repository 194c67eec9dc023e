import { describe, expect, it } from 'vitest';
import { createEventValidator } from './createEventValidator';
import { makeBatch, makeCart, makeEvent } from './makeEvent';

const validator = createEventValidator();
const check = (event: unknown) => validator.checkEvent(event, '/events/0');

const allTypes = [
  'cart_updated',
  'cart_abandoned',
  'cart_returned',
  'checkout_started',
  'order_completed',
  'identified',
  'exit_intent_shown',
  'exit_intent_dismissed',
  'exit_intent_clicked',
  'exit_intent_submitted',
  'banner_shown',
  'banner_dismissed',
  'banner_clicked',
  'widget_suppressed',
  'abandonment_cancelled',
];

describe('events.v1.json', () => {
  it.each(allTypes)('accepts a complete %s event', (type) => {
    expect(check(makeEvent(type))).toEqual([]);
  });

  it('accepts extra properties so v1 can grow, and optional fields when present', () => {
    const event = makeEvent('checkout_started', {
      futureField: { anything: true },
      userId: 'u-1',
      traits: { email: 'a@b.example', loyaltyTier: 2, optIn: true },
      cart: makeCart({ items: [{ id: 'a', name: 'A', price: 0, quantity: 1, variant: 'red', sku: 'A-1' }] }),
      context: {
        library: { name: 'cartback', version: '1.0.0' },
        locale: 'de-DE',
        consent: 'granted',
        experiment: { id: 'exit-copy', variant: 'holdout' },
      },
    });
    expect(check(event)).toEqual([]);
  });

  it('names the field in every error', () => {
    const cart = makeCart({ items: [{ id: 'a', name: 'A', price: -1, quantity: 0 }], currency: 'eur' });
    expect(check(makeEvent('cart_updated', { cart, anonymousId: 'not-a-uuid' }))).toEqual(
      expect.arrayContaining([
        '/events/0/anonymousId must match format "uuid"',
        '/events/0/cart/items/0/price must be >= 0',
        '/events/0/cart/items/0/quantity must be >= 1',
        '/events/0/cart/currency must match pattern "^[A-Z]{3}$"',
      ]),
    );
  });

  it('enforces what each type requires', () => {
    expect(check(makeEvent('cart_updated', { cart: undefined }))).toEqual(['/events/0/cart is required']);
    expect(check(makeEvent('cart_abandoned', { abandonmentId: 'cart-1', reason: 'bored' }))).toEqual([
      '/events/0/reason must be one of "tab_closed", "navigated_away", "hidden", "idle"',
      '/events/0/abandonmentId must match pattern "^.+:[0-9]+$"',
    ]);
    expect(check(makeEvent('cart_abandoned', { graceUntil: '2026-03-01T10:00:30+01:00' }))).toEqual([]);
    expect(check(makeEvent('cart_abandoned', { graceUntil: 'in 30 s' }))).toEqual([
      '/events/0/graceUntil must match format "date-time"',
    ]);
    expect(check(makeEvent('abandonment_cancelled', { abandonmentId: undefined, reason: 'bought' }))).toEqual([
      '/events/0/abandonmentId is required',
      '/events/0/reason must be one of "returned", "next_page", "other_tab"',
    ]);
    expect(check(makeEvent('abandonment_cancelled', { cart: undefined }))).toEqual(['/events/0/cart is required']);
    expect(check(makeEvent('order_completed', { attribution: undefined }))).toEqual([
      '/events/0/attribution is required',
    ]);
    expect(check(makeEvent('order_completed', { attribution: ['email'] }))).toEqual([
      '/events/0/attribution/0 must be one of "exit_intent", "banner", "link"',
    ]);
    expect(check(makeEvent('identified', { traits: {} }))).toEqual(['/events/0/traits must NOT have fewer than 1 properties']);
    expect(check(makeEvent('banner_shown', { trigger: 'pointer', position: 'left' }))).toEqual([
      '/events/0/trigger must be one of "return", "api"',
      '/events/0/position must be one of "top", "bottom", "corner"',
    ]);
    expect(check(makeEvent('banner_shown', { cart: undefined }))).toEqual(['/events/0/cart is required']);
    expect(check(makeEvent('banner_dismissed', { how: 'backdrop' }))).toEqual(['/events/0/how must be one of "close", "escape"']);
    expect(check(makeEvent('banner_clicked', { target: undefined }))).toEqual(['/events/0/target is required']);
    expect(check(makeEvent('widget_suppressed', { widget: 'popup', reason: '' }))).toEqual([
      '/events/0/widget must be one of "exit_intent", "banner"',
      '/events/0/reason must NOT have fewer than 1 characters',
    ]);
  });

  it('rejects an unknown type and a missing common field', () => {
    expect(check(makeEvent('page_viewed'))).toEqual([expect.stringMatching(/^\/events\/0\/type must be one of /)]);
    expect(check(makeEvent('banner_shown', { sessionId: undefined }))).toEqual(['/events/0/sessionId is required']);
    expect(check(makeEvent('banner_shown', { time: 'yesterday' }))).toEqual([
      '/events/0/time must match format "date-time"',
    ]);
  });

  it('checks the envelope without looking inside the events', () => {
    expect(validator.checkBatch(makeBatch([{ not: 'an event' }]))).toEqual([]);
    expect(validator.checkBatch({ v: 2, sentAt: 'now', events: {} })).toEqual([
      '/v must be 1',
      '/sentAt must match format "date-time"',
      '/events must be array',
    ]);
    expect(validator.checkBatch([])).toEqual(['body must be object']);
  });
});
