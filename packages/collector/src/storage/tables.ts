import type { Generated } from 'kysely';

/**
 * The collector's tables as kysely sees them: one set of queries for SQLite and Postgres.
 * Times are UTC ISO strings in TEXT columns in both dialects, so that text comparison orders
 * them the same way everywhere; `body` is the event's JSON text, parsed in JavaScript (no
 * dialect's JSON functions in the queries).
 */
export interface EventsTable {
  /** Arrival order: SQLite's implicit rowid, an identity column of that name in Postgres. */
  rowid: Generated<number>;
  id: string;
  type: string;
  time: string;
  received_at: string;
  anonymous_id: string;
  session_id: string;
  cart_id: string | null;
  abandonment_id: string | null;
  body: string;
  grace_until: string | null;
}

export interface Tables {
  events: EventsTable;
}
