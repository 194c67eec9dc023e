import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValidEvent } from '../createEventValidator';
import { makeCart, makeEvent } from '../makeEvent';
import { describeStorage } from '../testing/describeStorage';
import type { StorageOptions } from './connectDatabase';
import { openDatabase, type CollectorDatabase } from './openDatabase';

// Every time is in seconds after the shopper left; `now` is passed in, nothing sleeps.
const start = Date.parse('2026-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(start + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();

function abandoned(seconds: number, graceSeconds: number | undefined, overrides: Record<string, unknown> = {}) {
  return makeEvent('cart_abandoned', {
    time: iso(seconds),
    ...(graceSeconds !== undefined && { graceUntil: iso(seconds + graceSeconds) }),
    ...overrides,
  });
}
const cancelled = (seconds: number, overrides: Record<string, unknown> = {}) =>
  makeEvent('abandonment_cancelled', { time: iso(seconds), ...overrides });

describeStorage((storage) => {
  let options: StorageOptions;
  let drop: () => Promise<void>;
  let db: CollectorDatabase;
  beforeEach(async () => {
    ({ options, drop } = await storage.create());
    db = await openDatabase(options);
  });
  afterEach(async () => {
    await db.close();
    await drop();
  });

  const store = (...events: Record<string, unknown>[]) => db.insertEvents(events as unknown as ValidEvent[], iso(0));
  const counts = async (seconds: number) => {
    const { abandoned, pending } = await db.stats(at(seconds));
    return { abandoned, pending };
  };

  describe('when an abandonment counts', async () => {
    it('does not count one cancelled within its grace: pending until the cancel, then nothing', async () => {
      await store(abandoned(0, 30, { reason: 'tab_closed' }));
      expect(await counts(10)).toEqual({ abandoned: 0, pending: 1 });

      await store(cancelled(12, { reason: 'next_page' }));
      // As of a `now` before the cancel's time, it has not happened yet.
      expect(await counts(10)).toEqual({ abandoned: 0, pending: 1 });
      expect(await counts(12)).toEqual({ abandoned: 0, pending: 0 });
      expect(await counts(3600)).toEqual({ abandoned: 0, pending: 0 });
      expect(await db.abandonedCarts(10, at(3600))).toEqual([]);
    });

    it('counts one once its grace has passed without a cancel', async () => {
      await store(abandoned(0, 1800, { reason: 'hidden' }));
      expect(await counts(1799)).toEqual({ abandoned: 0, pending: 1 });
      expect(await counts(1800)).toEqual({ abandoned: 1, pending: 0 });
      expect(await db.abandonedCarts(10, at(1800))).toEqual([
        expect.objectContaining({
          cartId: 'cart-1',
          abandonmentId: 'cart-1:3',
          reason: 'hidden',
          abandonedAt: iso(0),
          confirmedAt: iso(1800),
        }),
      ]);
    });

    it('counts an id abandoned, cancelled and abandoned again once, from the second time', async () => {
      await store(abandoned(0, 1800, { reason: 'hidden' }), cancelled(600, { reason: 'returned' }));
      await store(abandoned(900, 1800, { reason: 'hidden' }));
      // The first event's grace is over, but it was cancelled: only the second can count.
      expect(await counts(2000)).toEqual({ abandoned: 0, pending: 1 });
      expect(await counts(2700)).toEqual({ abandoned: 1, pending: 0 });
      expect((await db.abandonedCarts(10, at(2700))).map((cart) => cart.abandonedAt)).toEqual([iso(900)]);
    });

    it('counts the same id sent by two tabs once, from the first that passes its grace', async () => {
      await store(abandoned(0, 30, { sessionId: 's-1' }), abandoned(5, 30, { sessionId: 's-2' }));
      expect(await counts(60)).toEqual({ abandoned: 1, pending: 0 });
      expect((await db.abandonedCarts(10, at(60))).map((cart) => cart.abandonedAt)).toEqual([iso(0)]);
    });

    it('counts one whose cancel is timed after graceUntil; a cancel at graceUntil still cancels', async () => {
      const cartA = makeCart({ id: 'cart-a' });
      const cartB = makeCart({ id: 'cart-b' });
      await store(
        abandoned(0, 30, { cart: cartA, abandonmentId: 'cart-a:3' }),
        cancelled(30, { cart: cartA, abandonmentId: 'cart-a:3' }),
        abandoned(0, 30, { cart: cartB, abandonmentId: 'cart-b:3' }),
        cancelled(31, { cart: cartB, abandonmentId: 'cart-b:3' }),
      );
      expect(await counts(60)).toEqual({ abandoned: 1, pending: 0 });
      expect((await db.abandonedCarts(10, at(60))).map((cart) => cart.cartId)).toEqual(['cart-b']);
    });

    it('counts an idle abandonment (graceUntil = time) at once', async () => {
      await store(abandoned(0, 0, { reason: 'idle' }));
      expect(await counts(0)).toEqual({ abandoned: 1, pending: 0 });
    });

    it('counts an event from an older SDK, without graceUntil, at its time', async () => {
      await store(abandoned(0, undefined));
      // A clock ahead of the collector's: not yet.
      expect(await counts(-1)).toEqual({ abandoned: 0, pending: 1 });
      expect(await counts(0)).toEqual({ abandoned: 1, pending: 0 });
      expect(await db.abandonedCarts(10, at(0))).toEqual([expect.objectContaining({ abandonedAt: iso(0), confirmedAt: iso(0) })]);
    });

    it('keeps one row per cart, its latest confirmed abandonment, and counts a later one as pending', async () => {
      const v5 = { cart: makeCart({ version: 5 }), abandonmentId: 'cart-1:5' };
      await store(abandoned(0, 30), abandoned(600, 1800, { ...v5, reason: 'hidden' }));
      expect(await counts(900)).toEqual({ abandoned: 1, pending: 1 });
      expect((await db.abandonedCarts(10, at(900))).map((cart) => cart.abandonmentId)).toEqual(['cart-1:3']);
      expect(await counts(2400)).toEqual({ abandoned: 1, pending: 0 });
      expect((await db.abandonedCarts(10, at(2400))).map((cart) => cart.abandonmentId)).toEqual(['cart-1:5']);
    });

    it('judges returned and recovered after the confirmed abandonment, not a cancelled one', async () => {
      await store(
        abandoned(0, 1800, { reason: 'hidden' }),
        cancelled(600, { reason: 'returned' }),
        makeEvent('cart_returned', { cart: makeCart(), time: iso(700) }),
        makeEvent('order_completed', { time: iso(800) }),
        abandoned(900, 1800, { reason: 'hidden' }),
      );
      expect(await db.stats(at(3000))).toMatchObject({ abandoned: 1, returned: 0, recovered: 0 });

      await store(
        makeEvent('cart_returned', { cart: makeCart(), time: iso(5000) }),
        makeEvent('order_completed', { time: iso(6000) }),
      );
      expect(await db.stats(at(7000))).toMatchObject({ abandoned: 1, returned: 1, recovered: 1 });
      expect(await db.abandonedCarts(10, at(7000))).toEqual([expect.objectContaining({ returned: true, recovered: true })]);
    });

    it('reads graceUntil on cart_abandoned only', async () => {
      expect(await store(makeEvent('cart_updated', { cart: makeCart(), graceUntil: { any: 'thing' } }))).toMatchObject({
        accepted: 1,
        duplicates: 0,
      });
    });

    it('compares graceUntil sent with an offset in UTC', async () => {
      await store(abandoned(0, undefined, { graceUntil: '2026-03-01T11:00:30+01:00' }));
      expect(await counts(29)).toEqual({ abandoned: 0, pending: 1 });
      expect(await counts(30)).toEqual({ abandoned: 1, pending: 0 });
    });
  });

  it.runIf(storage.dialect === 'sqlite')('opens a SQLite database made before graceUntil, taking it from the events that carried it', async () => {
    await db.close();
    const { dataDir } = options;
    rmSync(join(dataDir, 'collector.sqlite'));
    const old = new Database(join(dataDir, 'collector.sqlite'));
    old.exec(`CREATE TABLE events (id TEXT PRIMARY KEY, type TEXT NOT NULL, time TEXT NOT NULL,
      received_at TEXT NOT NULL, anonymous_id TEXT NOT NULL, session_id TEXT NOT NULL, cart_id TEXT,
      abandonment_id TEXT, body TEXT NOT NULL)`);
    const event = abandoned(0, 30);
    old
      .prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(event.id, event.type, event.time, iso(0), event.anonymousId, event.sessionId, 'cart-1', 'cart-1:3', JSON.stringify(event));
    old.close();

    db = await openDatabase(options);
    expect(await counts(29)).toEqual({ abandoned: 0, pending: 1 });
    await store(cancelled(10));
    expect(await counts(60)).toEqual({ abandoned: 0, pending: 0 });
  });
});
