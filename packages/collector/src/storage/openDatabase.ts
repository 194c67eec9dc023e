import { sql } from 'kysely';
import type { ValidEvent } from '../createEventValidator';
import { abandonmentsSql } from './abandonmentsSql';
import { connectDatabase, type Connection, type StorageOptions } from './connectDatabase';
import { migrateSchema } from './migrateSchema';
import { toUtc } from './toUtc';

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

export interface CollectorDatabase extends Connection {
  /** Stores events, ignoring ids already stored (retries re-send the same id). */
  insertEvents(events: ValidEvent[], receivedAt: string): Promise<{ accepted: number; duplicates: number; acceptedIds: Set<string> }>;
  recentEvents(limit: number, type?: string): Promise<StoredEvent[]>;
  /** `now` decides which abandonments have passed their grace and count. */
  abandonedCarts(limit: number, now?: Date): Promise<AbandonedCart[]>;
  stats(now?: Date): Promise<CollectorStats>;
  close(): Promise<void>;
}

interface AbandonmentRow {
  body: string;
  returned: number | boolean;
  recovered: number | boolean;
}

/**
 * The collector's storage: SQLite in `dataDir` by default, Postgres given `databaseUrl`. The
 * queries are written once (kysely's builder, or its `sql` tag for the abandonment rule) and
 * run on both; the same tests run against both.
 */
export async function openDatabase(options: StorageOptions): Promise<CollectorDatabase> {
  const connection = connectDatabase(options);
  const { kysely } = connection;
  try {
    await migrateSchema(connection);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }

  return {
    ...connection,
    async insertEvents(events, receivedAt) {
      if (events.length === 0) return { accepted: 0, duplicates: 0, acceptedIds: new Set() };
      // One statement: atomic on both dialects, and ids already stored are skipped.
      const inserted = await kysely
        .insertInto('events')
        .values(
          events.map((event) => ({
            id: event.id,
            type: event.type,
            time: toUtc(event.time),
            received_at: receivedAt,
            anonymous_id: event.anonymousId,
            session_id: event.sessionId,
            cart_id: event.cart?.id ?? null,
            abandonment_id: event.abandonmentId ?? null,
            body: JSON.stringify(event),
            // The schema checks graceUntil on cart_abandoned only; elsewhere it is any extra field.
            grace_until:
              event.type === 'cart_abandoned' && event.graceUntil !== undefined ? toUtc(event.graceUntil) : null,
            email: typeof event.traits?.email === 'string' ? event.traits.email.trim().toLowerCase() : null,
          })),
        )
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .execute();
      return { accepted: inserted.length, duplicates: events.length - inserted.length, acceptedIds: new Set(inserted.map((row) => row.id)) };
    },
    async recentEvents(limit, type) {
      let query = kysely.selectFrom('events').select(['received_at', 'body']);
      if (type) query = query.where('type', '=', type);
      // Newest first in arrival order, not by `time`: client clocks can be wrong.
      const rows = await query.orderBy('rowid', 'desc').limit(limit).execute();
      return rows.map((row) => ({ receivedAt: row.received_at, event: JSON.parse(row.body) }));
    },
    async abandonedCarts(limit, now = new Date()) {
      const { rows } = await sql<AbandonmentRow>`${abandonmentsSql(now.toISOString())}
        SELECT body, returned, recovered FROM abandonments ORDER BY time DESC LIMIT ${limit}`.execute(kysely);
      return rows.map(toAbandonedCart);
    },
    async stats(now = new Date()) {
      // Quoted names keep their case in Postgres; CAST because Postgres counts in bigint (a string in JS).
      const { rows } = await sql<CollectorStats>`${abandonmentsSql(now.toISOString())} SELECT
        (SELECT CAST(COUNT(DISTINCT cart_id) AS INTEGER) FROM events) AS "cartsTracked",
        (SELECT CAST(COUNT(*) AS INTEGER) FROM abandonments) AS "abandoned",
        (SELECT CAST(COUNT(*) AS INTEGER) FROM pending) AS "pending",
        (SELECT CAST(COUNT(*) AS INTEGER) FROM abandonments WHERE returned) AS "returned",
        (SELECT CAST(COUNT(*) AS INTEGER) FROM abandonments WHERE recovered) AS "recovered",
        (SELECT CAST(COUNT(*) AS INTEGER) FROM events) AS "events"`.execute(kysely);
      return rows[0]!;
    },
    close: () => kysely.destroy(),
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
    returned: Boolean(row.returned),
    recovered: Boolean(row.recovered),
  };
}
