import { afterEach, describe, expect, it, vi } from 'vitest';
import { capEvent, MAX_EVENT_BYTES, MAX_TEXT_LENGTH, MAX_TRAITS, MAX_URL_LENGTH } from './capEvent.js';
import type { CartbackEvent } from '../events.js';
import { byteLength, toBody } from './delivery/splitBatch.js';
import { makeEvent } from '../testing/makeEvent.js';
import type { CartItem } from '../types.js';

const size = (event: CartbackEvent) => byteLength(JSON.stringify(event));

/** `lines` lines of 1 × 2.50 EUR, named with `name` (long names make a big cart). */
function bigCart(lines: number, name = 'Café crème, extra-long product name for a grocery store ☕ '.repeat(6)): CartbackEvent {
  const items: CartItem[] = Array.from({ length: lines }, (_, i) => ({
    id: `sku-${i}`,
    name: `${i} ${name}`,
    price: 2.5,
    quantity: 1,
    url: `https://shop.test/products/${i}?utm_source=${'x'.repeat(200)}`,
    image: `https://cdn.shop.test/${i}.jpg`,
  }));
  const cart = { id: 'cart-1', version: 42, items, currency: 'EUR', value: lines * 2.5, count: lines };
  return makeEvent('', { type: 'cart_abandoned', abandonmentId: 'cart-1:42', reason: 'tab_closed', cart });
}

afterEach(() => vi.restoreAllMocks());

describe('capEvent', () => {
  it('leaves an ordinary event as it is', () => {
    const event = makeEvent('Mug', { traits: { email: 'ada@example.com' } });
    expect(capEvent(event)).toEqual(event);
  });

  it(`keeps a 1,000-line cart's abandonment under ${MAX_EVENT_BYTES} bytes, with exact totals and the real number of lines`, () => {
    const event = bigCart(1000);
    expect(size(event)).toBeGreaterThan(500_000);
    const capped = capEvent(event);

    expect(size(capped)).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect(capped.cart).toMatchObject({ id: 'cart-1', version: 42, currency: 'EUR', value: 2500, count: 1000, truncated: true, lines: 1000 });
    const kept = capped.cart!.items;
    expect(kept.length).toBeGreaterThan(10);
    // The first lines, in order, with only their long strings cut.
    expect(kept.map((item) => item.id)).toEqual(event.cart!.items.slice(0, kept.length).map((item) => item.id));
    expect(kept[0]).toMatchObject({ price: 2.5, quantity: 1, image: 'https://cdn.shop.test/0.jpg' });
    expect(kept[0]!.name).toHaveLength(MAX_TEXT_LENGTH);
    expect(kept[0]!.name.endsWith('…')).toBe(true);
    expect(capped).toMatchObject({ id: event.id, type: 'cart_abandoned', abandonmentId: 'cart-1:42', reason: 'tab_closed' });
    // As many lines as fit: one more would not.
    const next = JSON.stringify(capEvent({ ...event, cart: { ...event.cart!, items: event.cart!.items.slice(kept.length, kept.length + 1) } }).cart!.items[0]);
    expect(size(capped) + byteLength(next) + 1).toBeGreaterThan(MAX_EVENT_BYTES);
  });

  it('lets two capped events and an ordinary batch share one 64,000-byte beacon body', () => {
    const ordinary = Array.from({ length: 20 }, () => makeEvent());
    const body = toBody([capEvent(bigCart(1000)), capEvent({ ...bigCart(300), type: 'cart_updated' }), ...ordinary], Date.now());
    expect(byteLength(body)).toBeLessThan(64_000);
  });

  it('does not mark a cart that fits as truncated', () => {
    const capped = capEvent(bigCart(3));
    expect(capped.cart!.items).toHaveLength(3);
    expect(capped.cart).not.toHaveProperty('truncated');
    expect(capped.cart).not.toHaveProperty('lines');
  });

  it('cuts long strings to their field maximum, never splitting a character', () => {
    const long = 'é'.repeat(5000);
    const event = makeEvent('😀'.repeat(3000), {
      page: { url: `https://shop.test/?q=${long}`, path: `/${long}`, title: long, referrer: `https://ref.test/${long}` },
      traits: { email: 'ada@example.com', note: long, ['k'.repeat(MAX_TEXT_LENGTH + 1)]: 'dropped' },
      order: { orderId: long },
    });
    const capped = capEvent(event);
    expect(capped.page.url).toHaveLength(MAX_URL_LENGTH);
    expect(capped.page.path).toHaveLength(MAX_URL_LENGTH);
    expect(capped.page.referrer).toHaveLength(MAX_URL_LENGTH);
    expect(capped.page.title).toHaveLength(MAX_TEXT_LENGTH);
    expect(capped.traits).toEqual({ email: 'ada@example.com', note: `${'é'.repeat(MAX_TEXT_LENGTH - 1)}…` });
    expect((capped.order as { orderId: string }).orderId).toHaveLength(MAX_TEXT_LENGTH);
    const name = capped.cart!.items[0]!.name;
    expect(name.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(name).toBe(`${'😀'.repeat((MAX_TEXT_LENGTH - 2) / 2)}…`); // no lone surrogate
  });

  it(`keeps at most ${MAX_TRAITS} traits`, () => {
    const traits = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`t${i}`, i]));
    expect(Object.keys(capEvent(makeEvent('Mug', { traits })).traits!)).toHaveLength(MAX_TRAITS);
  });

  it('still fits when the rest of the event is at every maximum, made of escaped characters', () => {
    const worst = '\u0001'.repeat(10_000); // 6 bytes each in JSON
    const traits = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${i}${'\u0001'.repeat(200)}`, worst]));
    const event = { ...bigCart(1000), traits, page: { url: worst, path: worst, title: worst, referrer: worst } };
    const capped = capEvent(event);
    expect(size(capped)).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect(capped.cart).toMatchObject({ count: 1000, value: 2500, truncated: true, lines: 1000 });
    expect(capped.id).toBe(event.id);
  });

  it('never changes its input', () => {
    const event = bigCart(500);
    const copy = structuredClone(event);
    capEvent(event);
    expect(event).toEqual(copy);
  });

  it('serialises each line at most once (no quadratic re-measuring of a big cart)', () => {
    const event = bigCart(1000);
    const stringify = vi.spyOn(JSON, 'stringify');
    const capped = capEvent(event);
    expect(stringify.mock.calls.length).toBeLessThanOrEqual(capped.cart!.items.length + 3);
  });
});
