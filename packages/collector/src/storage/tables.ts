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
  /** traits.email, lower-cased: who the event's shopper is, for stop rules by address. */
  email: string | null;
}

/** One email of a sequence for one abandonment (or win-back): the unit sent exactly once. */
export interface RecoveryJobsTable {
  /** `<sequence>:<subject>:<step>`, e.g. `recovery:cart-1:3:0`: the idempotency key. */
  id: string;
  sequence: 'recovery' | 'winback';
  /** The abandonment id (recovery), or the win-back's key. */
  subject: string;
  step: number;
  email: string;
  anonymous_id: string;
  cart_id: string | null;
  /** When the sequence started (the abandonment counted): stop rules look after it. */
  started_at: string;
  due_at: string;
  /** queued -> sending -> sent; or stopped / undeliverable / failed / interrupted. */
  status: string;
  attempts: number;
  locked_until: string | null;
  /** Why it stopped or failed, for the dashboard. */
  detail: string | null;
  sent_at: string | null;
  clicked_at: string | null;
  /** JSON: what the email shows (first name, cart lines, total, currency). */
  payload: string;
}

/** Addresses never to email again: `unsubscribed` or `undeliverable`. */
export interface SuppressionsTable {
  email: string;
  reason: string;
  at: string;
}

/** The last recovery email per address, reserved before sending: the frequency cap. */
export interface EmailCapsTable {
  email: string;
  last_sent_at: string;
}

/** One event to one webhook URL: the unit delivered (at least once, with the event id to dedupe). */
export interface WebhookDeliveriesTable {
  /** `<url>#<eventId>`: an event is queued once per URL however often it arrives. */
  id: string;
  url: string;
  event_id: string;
  event_type: string;
  created_at: string;
  due_at: string;
  /** queued -> sending -> delivered; or failed after the last attempt. */
  status: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

export interface Tables {
  events: EventsTable;
  recovery_jobs: RecoveryJobsTable;
  suppressions: SuppressionsTable;
  email_caps: EmailCapsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
