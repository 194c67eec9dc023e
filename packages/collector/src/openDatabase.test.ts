import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValidEvent } from './createEventValidator';
import { makeCart, makeEvent } from './makeEvent';
import { openDatabase, type CollectorDatabase } from './openDatabase';

let dataDir: string;
let db: CollectorDatabase;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cartback-collector-'));
  db = openDatabase(dataDir);
});
afterEach(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

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
const store = (...events: Record<string, unknown>[]) => db.insertEvents(events as unknown as ValidEvent[], iso(0));
const counts = (seconds: number) => {
  const { abandoned, pending } = db.stats(at(seconds));
  return { abandoned, pending };
};

describe('when an abandonment counts', () => {
  it('does not count one cancelled within its grace: pending until the cancel, then nothing', () => {
    store(abandoned(0, 30, { reason: 'tab_closed' }));
    expect(counts(10)).toEqual({ abandoned: 0, pending: 1 });

    store(cancelled(12, { reason: 'next_page' }));
    // As of a `now` before the cancel's time, it has not happened yet.
    expect(counts(10)).toEqual({ abandoned: 0, pending: 1 });
    expect(counts(12)).toEqual({ abandoned: 0, pending: 0 });
    expect(counts(3600)).toEqual({ abandoned: 0, pending: 0 });
    expect(db.abandonedCarts(10, at(3600))).toEqual([]);
  });

  it('counts one once its grace has passed without a cancel', () => {
    store(abandoned(0, 1800, { reason: 'hidden' }));
    expect(counts(1799)).toEqual({ abandoned: 0, pending: 1 });
    expect(counts(1800)).toEqual({ abandoned: 1, pending: 0 });
    expect(db.abandonedCarts(10, at(1800))).toEqual([
      expect.objectContaining({
        cartId: 'cart-1',
        abandonmentId: 'cart-1:3',
        reason: 'hidden',
        abandonedAt: iso(0),
        confirmedAt: iso(1800),
      }),
    ]);
  });

  it('counts an id abandoned, cancelled and abandoned again once, from the second time', () => {
    store(abandoned(0, 1800, { reason: 'hidden' }), cancelled(600, { reason: 'returned' }));
    store(abandoned(900, 1800, { reason: 'hidden' }));
    // The first event's grace is over, but it was cancelled: only the second can count.
    expect(counts(2000)).toEqual({ abandoned: 0, pending: 1 });
    expect(counts(2700)).toEqual({ abandoned: 1, pending: 0 });
    expect(db.abandonedCarts(10, at(2700)).map((cart) => cart.abandonedAt)).toEqual([iso(900)]);
  });

  it('counts the same id sent by two tabs once, from the first that passes its grace', () => {
    store(abandoned(0, 30, { sessionId: 's-1' }), abandoned(5, 30, { sessionId: 's-2' }));
    expect(counts(60)).toEqual({ abandoned: 1, pending: 0 });
    expect(db.abandonedCarts(10, at(60)).map((cart) => cart.abandonedAt)).toEqual([iso(0)]);
  });

  it('counts one whose cancel is timed after graceUntil; a cancel at graceUntil still cancels', () => {
    const cartA = makeCart({ id: 'cart-a' });
    const cartB = makeCart({ id: 'cart-b' });
    store(
      abandoned(0, 30, { cart: cartA, abandonmentId: 'cart-a:3' }),
      cancelled(30, { cart: cartA, abandonmentId: 'cart-a:3' }),
      abandoned(0, 30, { cart: cartB, abandonmentId: 'cart-b:3' }),
      cancelled(31, { cart: cartB, abandonmentId: 'cart-b:3' }),
    );
    expect(counts(60)).toEqual({ abandoned: 1, pending: 0 });
    expect(db.abandonedCarts(10, at(60)).map((cart) => cart.cartId)).toEqual(['cart-b']);
  });

  it('counts an idle abandonment (graceUntil = time) at once', () => {
    store(abandoned(0, 0, { reason: 'idle' }));
    expect(counts(0)).toEqual({ abandoned: 1, pending: 0 });
  });

  it('counts an event from an older SDK, without graceUntil, at its time', () => {
    store(abandoned(0, undefined));
    // A clock ahead of the collector's: not yet.
    expect(counts(-1)).toEqual({ abandoned: 0, pending: 1 });
    expect(counts(0)).toEqual({ abandoned: 1, pending: 0 });
    expect(db.abandonedCarts(10, at(0))).toEqual([expect.objectContaining({ abandonedAt: iso(0), confirmedAt: iso(0) })]);
  });

  it('keeps one row per cart, its latest confirmed abandonment, and counts a later one as pending', () => {
    const v5 = { cart: makeCart({ version: 5 }), abandonmentId: 'cart-1:5' };
    store(abandoned(0, 30), abandoned(600, 1800, { ...v5, reason: 'hidden' }));
    expect(counts(900)).toEqual({ abandoned: 1, pending: 1 });
    expect(db.abandonedCarts(10, at(900)).map((cart) => cart.abandonmentId)).toEqual(['cart-1:3']);
    expect(counts(2400)).toEqual({ abandoned: 1, pending: 0 });
    expect(db.abandonedCarts(10, at(2400)).map((cart) => cart.abandonmentId)).toEqual(['cart-1:5']);
  });

  it('judges returned and recovered after the confirmed abandonment, not a cancelled one', () => {
    store(
      abandoned(0, 1800, { reason: 'hidden' }),
      cancelled(600, { reason: 'returned' }),
      makeEvent('cart_returned', { cart: makeCart(), time: iso(700) }),
      makeEvent('order_completed', { time: iso(800) }),
      abandoned(900, 1800, { reason: 'hidden' }),
    );
    expect(db.stats(at(3000))).toMatchObject({ abandoned: 1, returned: 0, recovered: 0 });

    store(
      makeEvent('cart_returned', { cart: makeCart(), time: iso(5000) }),
      makeEvent('order_completed', { time: iso(6000) }),
    );
    expect(db.stats(at(7000))).toMatchObject({ abandoned: 1, returned: 1, recovered: 1 });
    expect(db.abandonedCarts(10, at(7000))).toEqual([expect.objectContaining({ returned: true, recovered: true })]);
  });

  it('reads graceUntil on cart_abandoned only', () => {
    expect(store(makeEvent('cart_updated', { cart: makeCart(), graceUntil: { any: 'thing' } }))).toEqual({
      accepted: 1,
      duplicates: 0,
    });
  });

  it('compares graceUntil sent with an offset in UTC', () => {
    store(abandoned(0, undefined, { graceUntil: '2026-03-01T11:00:30+01:00' }));
    expect(counts(29)).toEqual({ abandoned: 0, pending: 1 });
    expect(counts(30)).toEqual({ abandoned: 1, pending: 0 });
  });
});

it('opens a database made before graceUntil, taking it from the events that carried it', () => {
  db.close();
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

  db = openDatabase(dataDir);
  expect(counts(29)).toEqual({ abandoned: 0, pending: 1 });
  store(cancelled(10));
  expect(counts(60)).toEqual({ abandoned: 0, pending: 0 });
});
