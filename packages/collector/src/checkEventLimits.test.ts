import { expect, it } from 'vitest';
import { capEvent, MAX_EVENT_BYTES } from '../../core/src/tracking/capEvent';
import { checkEventLimits } from './checkEventLimits';
import { createEventValidator } from './createEventValidator';
import { makeCart, makeEvent } from './makeEvent';
import { defaultLimits } from './resolveLimits';

const limits = { maxStringLength: 10, maxDepth: 4 };

it('passes an event within the limits', () => {
  expect(checkEventLimits({ a: 'short', b: [1, { c: 'ok' }] }, '/events/0', limits)).toEqual([]);
});

it('names every over-long string and property name by its JSON Pointer', () => {
  const event = { page: { title: 'x'.repeat(11) }, 'a/b~': 'y'.repeat(20), ['k'.repeat(11)]: 1 };
  expect(checkEventLimits(event, '/events/2', limits).sort()).toEqual([
    '/events/2 has a property name longer than 10 characters (11)',
    '/events/2/a~1b~0 is longer than 10 characters (20)',
    '/events/2/page/title is longer than 10 characters (11)',
  ]);
});

it('stops at the depth limit instead of walking (or overflowing the stack on) hostile nesting', () => {
  let deep: unknown = 'leaf';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(checkEventLimits({ extra: deep }, '/events/0', limits)).toEqual([
    '/events/0/extra/0/0/0 is nested deeper than 4 levels',
  ]);
});

// The SDK caps every event (capEvent): the default limits and the schema must take any of them.
it('accepts every event the SDK caps, with strings, traits and cart at their maximum', () => {
  const long = 'é"\u0001'.repeat(5000);
  const items = Array.from({ length: 1000 }, (_, i) => ({ id: `${i}${long}`, name: long, price: 1, quantity: 1, url: long, image: long, sku: long }));
  const traits = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${i}${'k'.repeat(300)}`, long]).concat([['email', 'ada@example.com']]));
  const page = { url: `https://shop.example/${long}`, path: `/${long}`, title: long, referrer: long };
  const cart = makeCart({ items, count: 1000, value: 1000 });
  const capped = ['cart_abandoned', 'cart_updated', 'identified', 'order_completed'].map((type) =>
    capEvent(makeEvent(type, { page, traits, ...(type.startsWith('cart') && { cart }) }) as never),
  );

  const validator = createEventValidator();
  for (const [i, event] of capped.entries()) {
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect(checkEventLimits(event, `/events/${i}`, defaultLimits)).toEqual([]);
    expect(validator.checkEvent(event, `/events/${i}`)).toEqual([]);
  }
  expect(capped[0]!.cart).toMatchObject({ truncated: true, lines: 1000, count: 1000, value: 1000 });
  expect(defaultLimits.maxBodyBytes).toBeGreaterThanOrEqual(64_000); // a beacon's body
});
