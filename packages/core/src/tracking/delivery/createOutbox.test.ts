import { describe, expect, it, vi } from 'vitest';
import { CartbackError } from '../../engine/CartbackError.js';
import { OUTBOX_LIMITS, createOutbox, selectDrops } from './createOutbox.js';
import type { CartbackEvent, EventType } from '../../events.js';
import { memoryStorage } from '../../storage/memoryStorage.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const DAY = 24 * 3600 * 1000;

/** An event made `ago` ms before T0, about cart `cartId`. */
function makeEvent(id: string, type: EventType, ago: number, cartId = 'cart-1', extra: Record<string, unknown> = {}): CartbackEvent {
  return {
    id,
    type,
    time: new Date(T0 - ago).toISOString(),
    anonymousId: 'anon-1',
    sessionId: 'sess-1',
    page: { url: 'https://shop.test/', path: '/', title: 'Shop', referrer: '' },
    context: { library: { name: 'cartback', version: '0.0.0-dev' }, locale: 'en', consent: 'not_required' },
    cart: { id: cartId, version: 1, items: [], currency: 'USD', value: 0, count: 0 },
    ...extra,
  };
}

const ids = (events: CartbackEvent[]) => events.map((e) => e.id);
const limits = (overrides: Partial<typeof OUTBOX_LIMITS>) => ({ ...OUTBOX_LIMITS, ...overrides });

describe('selectDrops', () => {
  it('drops nothing within the limits', () => {
    const events = [
      makeEvent('a', 'cart_updated', 3000),
      makeEvent('b', 'cart_updated', 2000),
      makeEvent('c', 'checkout_started', 1000),
    ];
    expect(selectDrops(events, T0, limits({ maxEvents: 3 }))).toEqual([]);
    expect(selectDrops(events, T0)).toEqual([]);
    expect(selectDrops([], T0)).toEqual([]);
  });

  it('keeps an event exactly maxAge old and drops one a millisecond older, even within the count', () => {
    const events = [
      makeEvent('too-old', 'order_completed', 7 * DAY + 1),
      makeEvent('just-in-time', 'cart_updated', 7 * DAY),
      makeEvent('new', 'cart_updated', 0),
    ];
    expect(ids(selectDrops(events, T0))).toEqual(['too-old']);
  });

  it('counts what the age limit dropped before dropping anything else', () => {
    const events = [
      makeEvent('old', 'checkout_started', 8 * DAY),
      makeEvent('u1', 'cart_updated', 3000),
      makeEvent('u2', 'cart_updated', 2000),
      makeEvent('u3', 'cart_updated', 1000),
    ];
    // Four events, a cap of three: the old one alone brings it under, so every snapshot stays.
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 3 })))).toEqual(['old']);
  });

  it('over maxEvents, drops a superseded cart_updated before older events of other types', () => {
    const events = [
      makeEvent('checkout', 'checkout_started', 5000),
      makeEvent('identified', 'identified', 4000),
      makeEvent('u1', 'cart_updated', 3000),
      makeEvent('abandoned', 'cart_abandoned', 2500),
      makeEvent('u2', 'cart_updated', 2000),
    ];
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 4 })))).toEqual(['u1']);
  });

  it('over maxEvents, drops superseded snapshots oldest first, then the oldest events', () => {
    const events = [
      makeEvent('checkout', 'checkout_started', 6000),
      makeEvent('a1', 'cart_updated', 5000, 'cart-a'),
      makeEvent('b1', 'cart_updated', 4500, 'cart-b'),
      makeEvent('a2', 'cart_updated', 4000, 'cart-a'),
      makeEvent('order', 'order_completed', 3500),
      makeEvent('a3', 'cart_updated', 3000, 'cart-a'),
    ];
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 5 })))).toEqual(['a1']);
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 4 })))).toEqual(['a1', 'a2']);
    // b1 is the only snapshot of cart-b: it is not superseded, so the oldest event goes next.
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 3 })))).toEqual(['checkout', 'a1', 'a2']);
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 2 })))).toEqual(['checkout', 'a1', 'b1', 'a2']);
  });

  it('does not count a snapshot of another cart, or another event type, as superseding', () => {
    const events = [
      makeEvent('first', 'checkout_started', 4000),
      makeEvent('a1', 'cart_updated', 3000, 'cart-a'),
      makeEvent('b1', 'cart_updated', 2000, 'cart-b'),
      makeEvent('a-abandoned', 'cart_abandoned', 1000, 'cart-a'),
    ];
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 3 })))).toEqual(['first']);
  });

  it('never drops the newest snapshot of a cart while an older superseded one is kept', () => {
    const events = [
      makeEvent('b1', 'cart_updated', 9000, 'cart-b'),
      makeEvent('a1', 'cart_updated', 8000, 'cart-a'),
      makeEvent('a2', 'cart_updated', 7000, 'cart-a'),
      makeEvent('b2', 'cart_updated', 6000, 'cart-b'),
      makeEvent('a3', 'cart_updated', 5000, 'cart-a'),
    ];
    for (let maxEvents = 0; maxEvents <= events.length; maxEvents++) {
      const dropped = new Set(ids(selectDrops(events, T0, limits({ maxEvents }))));
      expect(dropped.size).toBe(events.length - maxEvents);
      if (dropped.has('a3')) expect([...dropped]).toEqual(expect.arrayContaining(['a1', 'a2']));
      if (dropped.has('b2')) expect(dropped.has('b1')).toBe(true);
    }
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 2 })))).toEqual(['b1', 'a1', 'a2']);
  });

  it('over maxBytes, drops a superseded cart_updated first, then the oldest', () => {
    const big = { note: 'x'.repeat(1000) };
    const events = [
      makeEvent('checkout', 'checkout_started', 4000, 'cart-1', big),
      makeEvent('u1', 'cart_updated', 3000, 'cart-1', big),
      makeEvent('order', 'order_completed', 2000, 'cart-1', big),
      makeEvent('u2', 'cart_updated', 1000, 'cart-1', big),
    ];
    const size = (e: CartbackEvent) => JSON.stringify(e).length;
    const total = events.reduce((sum, e) => sum + size(e), 0);

    expect(selectDrops(events, T0, limits({ maxBytes: total }))).toEqual([]);
    expect(ids(selectDrops(events, T0, limits({ maxBytes: total - 1 })))).toEqual(['u1']);
    const withoutU1 = total - size(events[1]!);
    expect(ids(selectDrops(events, T0, limits({ maxBytes: withoutU1 - 1 })))).toEqual(['checkout', 'u1']);
  });

  it('keeps within both caps at once', () => {
    const events = Array.from({ length: 10 }, (_, i) => makeEvent(`e${i}`, 'identified', 10_000 - i * 1000));
    const size = JSON.stringify(events[0]).length;
    // Bytes allow five events, count allows eight: bytes decide.
    expect(ids(selectDrops(events, T0, limits({ maxEvents: 8, maxBytes: size * 5 })))).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });
});

describe('createOutbox', () => {
  function setup() {
    const storage = memoryStorage();
    const report = vi.fn<(error: CartbackError) => void>();
    const outbox = createOutbox(() => storage, () => T0, report);
    return { storage, report, outbox };
  }

  it('writes an added event under event:<id> and keeps it as unsent', async () => {
    const { storage, outbox } = setup();
    const event = makeEvent('e1', 'cart_updated', 0);
    await outbox.add(event);
    expect(await storage.entries()).toEqual([['event:e1', event]]);
    expect(outbox.unsent()).toEqual([event]);
  });

  it('reads every tab\'s events oldest first, and nothing that is not an event', async () => {
    const { storage, outbox } = setup();
    const mine = makeEvent('mine', 'cart_updated', 1000);
    const theirsOlder = makeEvent('theirs-older', 'checkout_started', 5000);
    const theirsNewer = makeEvent('theirs-newer', 'identified', 10);
    await outbox.add(mine);
    // Another tab writes its own keys into the same storage.
    await storage.set('event:theirs-newer', theirsNewer);
    await storage.set('event:theirs-older', theirsOlder);
    await storage.set('cart', { v: 1, cart: {} });
    await storage.set('session', { v: 1, id: 's1' });

    expect(await outbox.read()).toEqual([theirsOlder, mine, theirsNewer]);
    expect(outbox.unsent()).toEqual([mine]);
    expect(await storage.get('cart')).toEqual({ v: 1, cart: {} });
  });

  it('deletes records that are not events, reports them once, and still reads the rest', async () => {
    const { storage, report, outbox } = setup();
    const good = makeEvent('good', 'cart_updated', 1000);
    const cyclic: Record<string, unknown> = { ...makeEvent('cyclic', 'cart_updated', 0) };
    cyclic.self = cyclic; // IndexedDB keeps cycles; JSON cannot send them
    const corrupt: Array<[string, unknown]> = [
      ['event:null', null],
      ['event:text', 'cart_updated'],
      ['event:no-time', { ...makeEvent('no-time', 'cart_updated', 0), time: undefined }],
      ['event:bad-time', { ...makeEvent('bad-time', 'cart_updated', 0), time: 'yesterday' }],
      ['event:number-time', { ...makeEvent('number-time', 'cart_updated', 0), time: T0 }],
      ['event:no-type', { ...makeEvent('no-type', 'cart_updated', 0), type: 42 }],
      ['event:no-id', { ...makeEvent('x', 'cart_updated', 0), id: undefined }],
      ['event:other-key', makeEvent('not-its-key', 'cart_updated', 0)], // remove(id) could never delete it
      ['event:big', { ...makeEvent('big', 'cart_updated', 0), n: 1n }],
      ['event:cyclic', cyclic],
    ];
    await storage.set('event:good', good);
    for (const [key, value] of corrupt) await storage.set(key, value);

    expect(await outbox.read()).toEqual([good]);
    expect((await storage.entries()).map(([key]) => key)).toEqual(['event:good']);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0]).toMatchObject({
      code: 'corrupt_record',
      message: expect.stringMatching(/^\[cartback\] the outbox held 10 record\(s\) that are not events \(got null\)\. They were discarded/),
    });

    expect(await outbox.read()).toEqual([good]);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('does not reject when the storage refuses an event (the storage reported it); it is still unsent', async () => {
    const storage = { ...memoryStorage(), set: () => Promise.reject(new Error('refused')) };
    const outbox = createOutbox(() => storage, () => T0, vi.fn());
    const event = makeEvent('e1', 'identified', 0);
    await expect(outbox.add(event)).resolves.toBeUndefined();
    await expect(outbox.keep(event)).resolves.toBeUndefined();
    expect(outbox.unsent()).toEqual([event]);
  });

  it('reads an empty outbox as no events, without reporting', async () => {
    const { storage, outbox, report } = setup();
    await storage.set('cart', { v: 1 });
    expect(await outbox.read()).toEqual([]);
    expect(report).not.toHaveBeenCalled();
  });

  it('deletes events past the age limit on read and reports once how many were dropped', async () => {
    const { storage, outbox, report } = setup();
    await outbox.add(makeEvent('old-1', 'cart_updated', 8 * DAY));
    await outbox.add(makeEvent('old-2', 'checkout_started', 7 * DAY + 1));
    const recent = makeEvent('recent', 'cart_updated', 1000);
    await outbox.add(recent);
    await storage.set('session', { v: 1 });

    expect(await outbox.read()).toEqual([recent]);

    expect((await storage.entries()).map(([key]) => key).sort()).toEqual(['event:recent', 'session']);
    expect(outbox.unsent()).toEqual([recent]);
    expect(report).toHaveBeenCalledTimes(1);
    const error = report.mock.calls[0]![0];
    expect(error).toBeInstanceOf(CartbackError);
    expect(error.code).toBe('outbox_full');
    expect(error.message).toContain('dropped 2 (cart_updated, checkout_started)');
  });

  it('over the count cap, deletes superseded snapshots on read and keeps the rest', async () => {
    const { storage, outbox, report } = setup();
    const max = OUTBOX_LIMITS.maxEvents;
    // Another tab's older snapshots of the same cart, then a full outbox of other events.
    await storage.set('event:u1', makeEvent('u1', 'cart_updated', 10 * 3600_000));
    await storage.set('event:u2', makeEvent('u2', 'cart_updated', 9 * 3600_000));
    for (let i = 0; i < max - 1; i++) await outbox.add(makeEvent(`e${i}`, 'identified', 8 * 3600_000 - i * 1000));
    const latest = makeEvent('u3', 'cart_updated', 0);
    await outbox.add(latest);

    const events = await outbox.read();

    expect(events).toHaveLength(max);
    expect(ids(events).slice(0, 2)).toEqual(['e0', 'e1']);
    expect(events.at(-1)).toEqual(latest);
    expect(await storage.get('event:u1')).toBeUndefined();
    expect(await storage.get('event:u2')).toBeUndefined();
    expect(await storage.entries()).toHaveLength(max);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0].code).toBe('outbox_full');
    expect(report.mock.calls[0]![0].message).toContain('dropped 2 (cart_updated)');
  });

  it('over the byte cap, drops the oldest events on read', async () => {
    const { storage, outbox, report } = setup();
    const payload = { note: 'x'.repeat(400 * 1024) };
    await outbox.add(makeEvent('a', 'checkout_started', 3000, 'cart-1', payload));
    await outbox.add(makeEvent('b', 'order_completed', 2000, 'cart-1', payload));
    await outbox.add(makeEvent('c', 'identified', 1000, 'cart-1', payload));

    expect(ids(await outbox.read())).toEqual(['b', 'c']);
    expect((await storage.entries()).map(([key]) => key)).toEqual(['event:b', 'event:c']);
    expect(ids(outbox.unsent())).toEqual(['b', 'c']);
    expect(report.mock.calls[0]![0].message).toContain('dropped 1 (checkout_started)');
  });

  it('removes delivered events from storage and from unsent', async () => {
    const { storage, outbox } = setup();
    const [a, b, c] = ['a', 'b', 'c'].map((id, i) => makeEvent(id, 'cart_updated', 3000 - i * 1000, `cart-${id}`));
    for (const event of [a!, b!, c!]) await outbox.add(event);
    await storage.set('event:other-tab', makeEvent('other-tab', 'identified', 500));

    await outbox.remove(['a', 'c', 'other-tab']);

    expect(await storage.entries()).toEqual([['event:b', b]]);
    expect(outbox.unsent()).toEqual([b]);
    expect(await outbox.read()).toEqual([b]);
  });

  it('forgets unsent events on clearUnsent, and keeps taking new ones', async () => {
    const { outbox } = setup();
    await outbox.add(makeEvent('a', 'cart_updated', 2000));
    await outbox.add(makeEvent('b', 'checkout_started', 1000));

    outbox.clearUnsent();
    expect(outbox.unsent()).toEqual([]);

    const next = makeEvent('c', 'identified', 0);
    await outbox.add(next);
    expect(outbox.unsent()).toEqual([next]);
  });

  it('writes to the storage it is given at the time of each call', async () => {
    // Consent granted moves the core from memory to durable storage: the outbox follows.
    const first = memoryStorage();
    const second = memoryStorage();
    let current = first;
    const outbox = createOutbox(() => current, () => T0, vi.fn());
    await outbox.add(makeEvent('a', 'cart_updated', 1000));
    current = second;
    await outbox.add(makeEvent('b', 'cart_updated', 0));
    expect((await first.entries()).map(([key]) => key)).toEqual(['event:a']);
    expect((await second.entries()).map(([key]) => key)).toEqual(['event:b']);
  });
});
