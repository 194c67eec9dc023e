import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';

export type Dialect = 'sqlite' | 'postgres';

export interface StorageOptions {
  /** Where `collector.sqlite` lives (created if missing); used when there is no `databaseUrl`. */
  dataDir: string;
  /** A Postgres URL (`postgres://user:pass@host:5432/db`); SQLite in `dataDir` when absent. */
  databaseUrl?: string;
}

export interface Connection {
  kysely: Kysely<Tables>;
  dialect: Dialect;
}

/** Opens SQLite (the embedded default) or, given `databaseUrl`, a Postgres pool. */
export function connectDatabase({ dataDir, databaseUrl }: StorageOptions): Connection {
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new TypeError(
        `[cartback collector] DATABASE_URL must be a postgres:// URL (${databaseUrl.replace(/:[^:@/]*@/, ':***@')}). Unset it to use SQLite.`,
      );
    }
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return { kysely: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, 'collector.sqlite'));
  // WAL lets the dashboard read while a batch is written; NORMAL is durable enough with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  return { kysely: new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
}
