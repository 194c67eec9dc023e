import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { abandonmentsSql } from './abandonmentsSql';
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
  /** The `time` of the cart_abandoned that confirmed it. */
  abandonedAt: string;
  /** When it began to count: that event's `graceUntil`, or its `time` if it had none. */
  confirmedAt: string;
  items: unknown[];
  value: number;
  currency: string;
  count: number;
  /** A cart_returned for this cart came after the confirmed abandonment. */
  returned: boolean;
  /** An order_completed by the same shopper or for the same cart came after the confirmed abandonment. */
  recovered: boolean;
}

export interface CollectorStats {
  cartsTracked: number;
  abandoned: number;
  pending: number;
  returned: number;
  recovered: number;
  events: number;
}

export interface CollectorDatabase {
  /** Stores events, ignoring ids already stored (retries re-send the same id). */
  insertEvents(events: ValidEvent[], receivedAt: string): { accepted: number; duplicates: number };
  recentEvents(limit: number, type?: string): StoredEvent[];
  /** `now` decides which abandonments have passed their grace and count. */
  abandonedCarts(limit: number, now?: Date): AbandonedCart[];
  stats(now?: Date): CollectorStats;
  /** Runs a read-only query of the caller's (experiments/readExperimentRows keeps its SQL with it). */
  select(sql: string, params?: Record<string, unknown>): unknown[];
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
    body TEXT NOT NULL,
    grace_until TEXT
  );
  CREATE INDEX IF NOT EXISTS events_type ON events (type);
  CREATE INDEX IF NOT EXISTS events_cart ON events (cart_id, type, time);
  CREATE INDEX IF NOT EXISTS events_anonymous ON events (anonymous_id, type, time);
  CREATE INDEX IF NOT EXISTS events_abandonment ON events (abandonment_id, type, time);
`;

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
  addGraceUntil(db);

  const insert = db.prepare<
    [string, string, string, string, string, string, string | null, string | null, string, string | null]
  >(
    `INSERT OR IGNORE INTO events
      (id, type, time, received_at, anonymous_id, session_id, cart_id, abandonment_id, body, grace_until)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        // The schema checks graceUntil on cart_abandoned only; elsewhere it is any extra field.
        event.type === 'cart_abandoned' && event.graceUntil !== undefined ? toUtc(event.graceUntil) : null,
      ).changes;
    }
    return { accepted, duplicates: events.length - accepted };
  });
  // Newest first in arrival order (rowid), not by `time`: client clocks can be wrong.
  const recent = db.prepare<[number]>('SELECT received_at, body FROM events ORDER BY rowid DESC LIMIT ?');
  const recentOfType = db.prepare<[string, number]>(
    'SELECT received_at, body FROM events WHERE type = ? ORDER BY rowid DESC LIMIT ?',
  );
  const abandoned = db.prepare<[{ now: string; limit: number }]>(
    `${abandonmentsSql} SELECT body, returned, recovered FROM abandonments ORDER BY time DESC LIMIT @limit`,
  );
  const totals = db.prepare<[{ now: string }]>(
    `${abandonmentsSql} SELECT
      (SELECT COUNT(DISTINCT cart_id) FROM events) AS cartsTracked,
      (SELECT COUNT(*) FROM abandonments) AS abandoned,
      (SELECT COUNT(*) FROM pending) AS pending,
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
    abandonedCarts: (limit, now = new Date()) =>
      (abandoned.all({ now: now.toISOString(), limit }) as AbandonmentRow[]).map(toAbandonedCart),
    stats: (now = new Date()) => totals.get({ now: now.toISOString() }) as CollectorStats,
    select: (sql, params = {}) => db.prepare<[Record<string, unknown>]>(sql).all(params),
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
    confirmedAt: event.graceUntil ?? event.time,
    items: event.cart.items,
    value: event.cart.value,
    currency: event.cart.currency,
    count: event.cart.count,
    returned: row.returned === 1,
    recovered: row.recovered === 1,
  };
}

/**
 * Databases created before `graceUntil` existed get its column, filled from the events that
 * already carried the field (extra fields were always accepted and kept in `body`).
 */
function addGraceUntil(db: Database): void {
  const columns = db.prepare('PRAGMA table_info(events)').all() as { name: string }[];
  if (columns.some((column) => column.name === 'grace_until')) return;
  db.transaction(() => {
    db.exec('ALTER TABLE events ADD COLUMN grace_until TEXT');
    const rows = db
      .prepare(
        `SELECT rowid, json_extract(body, '$.graceUntil') AS graceUntil FROM events
          WHERE type = 'cart_abandoned' AND json_type(body, '$.graceUntil') = 'text'`,
      )
      .all() as { rowid: number; graceUntil: string }[];
    const update = db.prepare('UPDATE events SET grace_until = ? WHERE rowid = ?');
    for (const row of rows) update.run(toUtc(row.graceUntil), row.rowid);
  })();
}

/** Clients send any RFC 3339 offset; one form makes times comparable as text. */
function toUtc(time: string): string {
  const ms = Date.parse(time);
  // A leap second (":60") passes the schema but not Date.parse; keep it as sent.
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}
