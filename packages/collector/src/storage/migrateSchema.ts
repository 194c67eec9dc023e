import { sql, type Kysely } from 'kysely';
import type { Connection, Dialect } from './connectDatabase';
import type { Tables } from './tables';
import { toUtc } from './toUtc';

/** Creates what is missing; safe to run at every start, by several processes at once on Postgres. */
export async function migrateSchema({ kysely, dialect }: Connection): Promise<void> {
  if (dialect === 'sqlite') return createTables(kysely, dialect);
  // Two processes starting together would both try CREATE TABLE; Postgres DDL is
  // transactional, so one lock for the transaction makes the second wait and find it done.
  await kysely.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${migrationLock})`.execute(trx);
    await createTables(trx, dialect);
  });
}

/** Any constant: the advisory lock that serialises migrations between collector processes. */
const migrationLock = 871_587;

async function createTables(kysely: Kysely<Tables>, dialect: Dialect): Promise<void> {
  let events = kysely.schema.createTable('events').ifNotExists();
  // SQLite has an implicit rowid; Postgres gets a column of that name so the queries are one.
  if (dialect === 'postgres') events = events.addColumn('rowid', 'bigint', (column) => column.generatedAlwaysAsIdentity());
  await events
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('time', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('anonymous_id', 'text', (column) => column.notNull())
    .addColumn('session_id', 'text', (column) => column.notNull())
    .addColumn('cart_id', 'text')
    .addColumn('abandonment_id', 'text')
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('grace_until', 'text')
    .addColumn('email', 'text')
    .execute();
  if (dialect === 'sqlite') await addGraceUntil(kysely);
  await addEmail(kysely, dialect);
  const indexes: Array<[string, string[]]> = [
    ['events_type', ['type']],
    ['events_cart', ['cart_id', 'type', 'time']],
    ['events_anonymous', ['anonymous_id', 'type', 'time']],
    ['events_abandonment', ['abandonment_id', 'type', 'time']],
    ['events_email', ['email', 'type', 'time']],
  ];
  for (const [name, columns] of indexes) {
    await kysely.schema.createIndex(name).ifNotExists().on('events').columns(columns).execute();
  }
  await createRecoveryTables(kysely);
}

async function createRecoveryTables(kysely: Kysely<Tables>): Promise<void> {
  await kysely.schema
    .createTable('recovery_jobs')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('sequence', 'text', (column) => column.notNull())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('step', 'integer', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('anonymous_id', 'text', (column) => column.notNull())
    .addColumn('cart_id', 'text')
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('detail', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('clicked_at', 'text')
    .addColumn('payload', 'text', (column) => column.notNull())
    .execute();
  await kysely.schema.createIndex('recovery_jobs_due').ifNotExists().on('recovery_jobs').columns(['status', 'due_at']).execute();
  await kysely.schema.createIndex('recovery_jobs_subject').ifNotExists().on('recovery_jobs').columns(['subject']).execute();
  await kysely.schema
    .createTable('suppressions')
    .ifNotExists()
    .addColumn('email', 'text', (column) => column.primaryKey())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .execute();
  await kysely.schema
    .createTable('webhook_deliveries')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  await kysely.schema.createIndex('webhook_deliveries_due').ifNotExists().on('webhook_deliveries').columns(['status', 'due_at']).execute();
  await kysely.schema
    .createTable('email_caps')
    .ifNotExists()
    .addColumn('email', 'text', (column) => column.primaryKey())
    .addColumn('last_sent_at', 'text', (column) => column.notNull())
    .execute();
}

/** Tables from before recovery emails get the email column (older events keep it empty). */
async function addEmail(kysely: Kysely<Tables>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') return void (await sql`ALTER TABLE events ADD COLUMN IF NOT EXISTS email TEXT`.execute(kysely));
  const { rows: columns } = await sql<{ name: string }>`PRAGMA table_info(events)`.execute(kysely);
  if (!columns.some((column) => column.name === 'email')) await sql`ALTER TABLE events ADD COLUMN email TEXT`.execute(kysely);
}

/**
 * SQLite databases created before `graceUntil` existed get its column, filled from the events
 * that already carried the field (extra fields were always accepted and kept in `body`).
 * Postgres support came later, so its tables always had the column.
 */
async function addGraceUntil(kysely: Kysely<Tables>): Promise<void> {
  const { rows: columns } = await sql<{ name: string }>`PRAGMA table_info(events)`.execute(kysely);
  if (columns.some((column) => column.name === 'grace_until')) return;
  await kysely.transaction().execute(async (trx) => {
    await sql`ALTER TABLE events ADD COLUMN grace_until TEXT`.execute(trx);
    const { rows } = await sql<{ rowid: number; graceUntil: string }>`
      SELECT rowid, json_extract(body, '$.graceUntil') AS graceUntil FROM events
      WHERE type = 'cart_abandoned' AND json_type(body, '$.graceUntil') = 'text'`.execute(trx);
    for (const row of rows) {
      await trx.updateTable('events').set({ grace_until: toUtc(row.graceUntil) }).where('rowid', '=', row.rowid).execute();
    }
  });
}
