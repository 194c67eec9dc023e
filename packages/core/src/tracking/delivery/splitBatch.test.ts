import { describe, expect, it } from 'vitest';
import type { CartbackEvent } from '../../events.js';
import { byteLength, splitBatch, toBody } from './splitBatch.js';
import { makeEvent } from '../../testing/makeEvent.js';


const now = Date.UTC(2026, 10, 21, 10, 0, 0);
const bodyBytes = (group: CartbackEvent[]) => byteLength(toBody(group, now));

describe('toBody', () => {
  it('builds the versioned envelope with an ISO sentAt', () => {
    const event = makeEvent();
    expect(JSON.parse(toBody([event], now))).toEqual({ v: 1, sentAt: '2026-11-21T10:00:00.000Z', events: [event] });
  });
});

describe('splitBatch', () => {
  it('keeps every body within the byte limit, counting multibyte names in UTF-8', () => {
    // 3-byte CJK and 4-byte emoji: a UTF-16 length would undercount these by 2–3×.
    const events = Array.from({ length: 300 }, (_, i) => makeEvent('日本の急須 🍵'.repeat(20 + (i % 7))));
    const groups = splitBatch(events, 64_000, 1000);

    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(bodyBytes(group)).toBeLessThanOrEqual(64_000);
    expect(groups.flat()).toEqual(events); // all of them, in order
    // Greedy packing: each group is full, i.e. adding the next event would overflow.
    for (let i = 0; i < groups.length - 1; i++) {
      expect(bodyBytes([...groups[i]!, groups[i + 1]![0]!])).toBeGreaterThan(64_000);
    }
  });

  it('measures the exact body size, so a body of exactly maxBytes fits', () => {
    const events = [makeEvent('é'), makeEvent('ü')];
    const exact = bodyBytes(events);
    expect(splitBatch(events, exact, 100)).toEqual([events]);
    expect(splitBatch(events, exact - 1, 100)).toEqual([[events[0]], [events[1]]]);
  });

  it('caps the number of events per group', () => {
    const events = Array.from({ length: 250 }, () => makeEvent());
    const groups = splitBatch(events, 10_000_000, 100);
    expect(groups.map((g) => g.length)).toEqual([100, 100, 50]);
    expect(groups.flat()).toEqual(events);
  });

  it('puts an event that alone exceeds the limit in a group of its own', () => {
    const small1 = makeEvent();
    const huge = makeEvent('x'.repeat(70_000));
    const small2 = makeEvent();
    const groups = splitBatch([small1, huge, small2], 64_000, 100);
    expect(groups).toEqual([[small1], [huge], [small2]]);
  });

  it('returns no groups for no events', () => {
    expect(splitBatch([], 64_000, 100)).toEqual([]);
  });
});
