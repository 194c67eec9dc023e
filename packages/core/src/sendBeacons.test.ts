import { describe, expect, it, vi } from 'vitest';
import type { CartbackEvent } from './events.js';
import { sendBeacons } from './sendBeacons.js';
import { byteLength } from './splitBatch.js';
import { makeEvent } from './testing/makeEvent.js';

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
});
