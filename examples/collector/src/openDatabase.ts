import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ValidEvent } from './createEventValidator';

export interface StoredEvent {
  receivedAt: string;
  event: Record<string, unknown>;
}

export interface AbandonedCart {
  cartId: string;
  abandonmentId: string;
  reason: string;
  anonymousId: string;
  abandonedAt: string;
  items: unknown[];
  value: number;
  currency: string;
  count: number;
  /** A cart_returned for this cart came after the abandonment. */
  returned: boolean;
  /** An order_completed by the same shopper or for the same cart came after the abandonment. */
  recovered: boolean;
}

export interface CollectorStats {
  cartsTracked: number;
  abandoned: number;
  returned: number;
  recovered: number;
  events: number;
}

export interface CollectorDatabase {
  /** Stores events, ignoring ids already stored (retries re-send the same id). */
  insertEvents(events: ValidEvent[], receivedAt: string): { accepted: number; duplicates: number };
  recentEvents(limit: number, type?: string): StoredEvent[];
  abandonedCarts(limit: number): AbandonedCart[];
  stats(): CollectorStats;
  close(): void;
}

// `time` is stored normalised to UTC ISO strings so that text comparison orders it.
const schema = `
  CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    time TEXT NOT NULL,
    received_at TEXT NOT NULL,
    anonymous_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    cart_id TEXT,
    abandonment_id TEXT,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_type ON events (type);
  CREATE INDEX IF NOT EXISTS events_cart ON events (cart_id, type, time);
  CREATE INDEX IF NOT EXISTS events_anonymous ON events (anonymous_id, type, time);
`;

// The latest abandonment of each cart, and whether the shopper came back or bought after it.
const abandonments = `
  WITH latest AS (
    SELECT * FROM (
      SELECT e.*, ROW_NUMBER() OVER (PARTITION BY cart_id ORDER BY time DESC, rowid DESC) AS rank
      FROM events e WHERE type = 'cart_abandoned'
    ) WHERE rank = 1
  ), abandonments AS (
    SELECT latest.*,
      EXISTS (SELECT 1 FROM events r WHERE r.cart_id = latest.cart_id
        AND r.type = 'cart_returned' AND r.time > latest.time) AS returned,
      EXISTS (SELECT 1 FROM events o WHERE o.type = 'order_completed' AND o.time > latest.time
        AND (o.anonymous_id = latest.anonymous_id OR o.cart_id = latest.cart_id)) AS recovered
    FROM latest
  )`;

interface EventRow {
  received_at: string;
  body: string;
}

interface AbandonmentRow {
  body: string;
  returned: 0 | 1;
  recovered: 0 | 1;
}

export function openDatabase(dataDir: string): CollectorDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'collector.sqlite'));
  // WAL lets the dashboard read while a batch is written; NORMAL is durable enough with WAL.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(schema);

  const insert = db.prepare<[string, string, string, string, string, string, string | null, string | null, string]>(
    `INSERT OR IGNORE INTO events
      (id, type, time, received_at, anonymous_id, session_id, cart_id, abandonment_id, body)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAll = db.transaction((events: ValidEvent[], receivedAt: string) => {
    let accepted = 0;
    for (const event of events) {
      accepted += insert.run(
        event.id,
        event.type,
        toUtc(event.time),
        receivedAt,
        event.anonymousId,
        event.sessionId,
        event.cart?.id ?? null,
        event.abandonmentId ?? null,
        JSON.stringify(event),
      ).changes;
    }
    return { accepted, duplicates: events.length - accepted };
  });
  // Newest first in arrival order (rowid), not by `time`: client clocks can be wrong.
  const recent = db.prepare<[number]>('SELECT received_at, body FROM events ORDER BY rowid DESC LIMIT ?');
  const recentOfType = db.prepare<[string, number]>(
    'SELECT received_at, body FROM events WHERE type = ? ORDER BY rowid DESC LIMIT ?',
  );
  const abandoned = db.prepare<[number]>(
    `${abandonments} SELECT body, returned, recovered FROM abandonments ORDER BY time DESC LIMIT ?`,
  );
  const totals = db.prepare(
    `${abandonments} SELECT
      (SELECT COUNT(DISTINCT cart_id) FROM events) AS cartsTracked,
      (SELECT COUNT(*) FROM abandonments) AS abandoned,
      (SELECT COUNT(*) FROM abandonments WHERE returned) AS returned,
      (SELECT COUNT(*) FROM abandonments WHERE recovered) AS recovered,
      (SELECT COUNT(*) FROM events) AS events`,
  );

  return {
    insertEvents: insertAll,
    recentEvents: (limit, type) =>
      ((type ? recentOfType.all(type, limit) : recent.all(limit)) as EventRow[]).map((row) => ({
        receivedAt: row.received_at,
        event: JSON.parse(row.body),
      })),
    abandonedCarts: (limit) => (abandoned.all(limit) as AbandonmentRow[]).map(toAbandonedCart),
    stats: () => totals.get() as CollectorStats,
    close: () => db.close(),
  };
}

function toAbandonedCart(row: AbandonmentRow): AbandonedCart {
  const event = JSON.parse(row.body);
  return {
    cartId: event.cart.id,
    abandonmentId: event.abandonmentId,
    reason: event.reason,
    anonymousId: event.anonymousId,
    abandonedAt: event.time,
    items: event.cart.items,
    value: event.cart.value,
    currency: event.cart.currency,
    count: event.cart.count,
    returned: row.returned === 1,
    recovered: row.recovered === 1,
  };
}

/** Clients send any RFC 3339 offset; one form makes times comparable as text. */
function toUtc(time: string): string {
  const ms = Date.parse(time);
  // A leap second (":60") passes the schema but not Date.parse; keep it as sent.
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}
