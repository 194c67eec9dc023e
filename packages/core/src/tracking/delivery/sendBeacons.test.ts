import { describe, expect, it, vi } from 'vitest';
import { capEvent } from '../capEvent.js';
import type { CartbackEvent } from '../../events.js';
import { sendBeacons } from './sendBeacons.js';
import { byteLength } from './splitBatch.js';
import { makeEvent } from '../../testing/makeEvent.js';

const endpoint = 'https://collector.test/events';
// ~2.3 KB each, with 2- and 3-byte characters: about 230 KB in all.
const bigOutbox = () => Array.from({ length: 100 }, () => makeEvent('Tasse à café ☕ '.repeat(100)));
const eventsIn = (body: string): string[] => JSON.parse(body).events.map((e: CartbackEvent) => e.id);

describe('sendBeacons', () => {
  it('splits a 200 KB outbox into bodies of at most 64,000 bytes, in order', () => {
    const sent: Array<[string, string]> = [];
    const events = bigOutbox();
    sendBeacons(endpoint, events, (url, body) => sent.push([url, body]) > 0, Date.now());

    const bodies = sent.map(([, body]) => body);
    expect(bodies.reduce((sum, body) => sum + byteLength(body), 0)).toBeGreaterThan(200_000);
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const body of bodies) expect(byteLength(body)).toBeLessThanOrEqual(64_000);
    expect(sent.every(([url]) => url === endpoint)).toBe(true);
    expect(bodies.flatMap(eventsIn)).toEqual(events.map((e) => e.id));
    expect(JSON.parse(bodies[0]!)).toMatchObject({ v: 1, sentAt: expect.any(String) });
  });

  it('retries a refused body in halves', () => {
    const bodies: string[] = [];
    const events = bigOutbox();
    sendBeacons(endpoint, events, (_, body) => bodies.push(body) > 1, Date.now()); // refuses the first

    const [refused, half1, half2] = bodies.map(eventsIn) as [string[], string[], string[]];
    expect(half1.length).toBe(Math.floor(refused.length / 2));
    expect([...half1, ...half2]).toEqual(refused);
    expect(bodies.slice(1).flatMap(eventsIn)).toEqual(events.map((e) => e.id));
  });

  it('gives up on a single refused event (it stays in the outbox for the next page)', () => {
    const sendBeacon = vi.fn(() => false);
    sendBeacons(endpoint, [makeEvent(), makeEvent()], sendBeacon, Date.now());
    expect(sendBeacon).toHaveBeenCalledTimes(3); // both, then each alone
  });

  it('sends nothing for an empty outbox and never throws', () => {
    const sendBeacon = vi.fn(() => true);
    sendBeacons(endpoint, [], sendBeacon, Date.now());
    expect(sendBeacon).not.toHaveBeenCalled();
    const illegal = () => {
      throw new TypeError('Illegal invocation');
    };
    expect(() => sendBeacons(endpoint, [makeEvent()], illegal, Date.now())).not.toThrow();
  });

  it('sends abandonments and orders first, then other events, the newest snapshot of each cart, and superseded snapshots last', () => {
    const snapshot = (cart: string, version: number) =>
      makeEvent('Mug', { cart: { id: cart, version, items: [], currency: 'EUR', value: 0, count: 0 } });
    const events = [
      snapshot('a', 1),
      makeEvent('Mug', { type: 'identified', traits: { email: 'ada@example.com' } }),
      snapshot('a', 2),
      snapshot('b', 1),
      makeEvent('Mug', { type: 'cart_abandoned', abandonmentId: 'a:2', reason: 'tab_closed' }),
      snapshot('a', 3),
      makeEvent('Mug', { type: 'order_completed', order: { orderId: 'o-1' }, attribution: [] }),
    ];
    const before = events.map((e) => e.id);
    const bodies: string[] = [];
    sendBeacons(endpoint, events, (_, body) => bodies.push(body) > 0, Date.now());

    const [a1, identified, a2, b1, abandoned, a3, order] = before;
    expect(bodies.flatMap(eventsIn)).toEqual([abandoned, order, identified, b1, a3, a1, a2]);
    expect(events.map((e) => e.id)).toEqual(before); // the outbox's own list is left as it is
  });

  it("gets a huge cart's abandonment out within a 64 KiB quota that older snapshots fill", () => {
    // The quota Chromium keeps for beacon data in flight, per page: what does not fit is refused.
    let inFlight = 0;
    const accepted: string[] = [];
    const sendBeacon = (_: string, body: string) => {
      if (inFlight + byteLength(body) > 64 * 1024) return false;
      inFlight += byteLength(body);
      accepted.push(body);
      return true;
    };
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, name: `Line ${i} ${'long name '.repeat(20)}`, price: 1, quantity: 1 }));
    const cart = (version: number) => ({ id: 'cart-1', version, items: items.slice(0, version * 100), currency: 'EUR', value: version * 100, count: version * 100 });
    const snapshots = [1, 2, 3, 4, 5, 6, 7, 8].map((version) => capEvent(makeEvent('', { cart: cart(version) })));
    const abandoned = capEvent(makeEvent('', { type: 'cart_abandoned', abandonmentId: 'cart-1:10', reason: 'tab_closed', cart: cart(10) }));
    sendBeacons(endpoint, [...snapshots, abandoned], sendBeacon, Date.now());

    const delivered = accepted.flatMap(eventsIn);
    expect(delivered.slice(0, 2)).toEqual([abandoned.id, snapshots[7]!.id]); // then the newest snapshot
    expect(delivered.length).toBeLessThan(1 + snapshots.length); // what the quota refused: superseded snapshots
  });
});
