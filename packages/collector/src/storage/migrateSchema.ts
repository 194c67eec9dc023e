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
    .execute();
  if (dialect === 'sqlite') await addGraceUntil(kysely);
  const indexes: Array<[string, string[]]> = [
    ['events_type', ['type']],
    ['events_cart', ['cart_id', 'type', 'time']],
    ['events_anonymous', ['anonymous_id', 'type', 'time']],
    ['events_abandonment', ['abandonment_id', 'type', 'time']],
  ];
  for (const [name, columns] of indexes) {
    await kysely.schema.createIndex(name).ifNotExists().on('events').columns(columns).execute();
  }
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
