import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { Dialect, StorageOptions } from '../storage/connectDatabase';

export interface TestStorage {
  dialect: Dialect;
  /** A fresh, empty store: a temporary SQLite directory, or a Postgres schema of its own. */
  create(): Promise<{ options: StorageOptions; drop(): Promise<void> }>;
}

const urlVariable = 'CARTBACK_TEST_DATABASE_URL';
let warned = false;

/**
 * Runs `suite` once per dialect: SQLite always, Postgres at CARTBACK_TEST_DATABASE_URL
 * (`.ci/startPostgres` starts one). Without that variable the Postgres half is skipped with a
 * loud warning on a developer's machine, and fails under CI=true: CI must test both.
 */
export function describeStorage(suite: (storage: TestStorage) => void): void {
  describe('sqlite', () => suite(sqliteStorage));
  const url = process.env[urlVariable];
  if (url) {
    describe('postgres', () => suite(postgresStorage(url)));
    return;
  }
  if (process.env.CI === 'true') {
    describe('postgres', () => {
      throw new Error(`${urlVariable} is not set, and CI=true: the Postgres half of the storage tests must run. Start one with eval "$(.ci/startPostgres)".`);
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `\n!!! ${urlVariable} is not set: the collector's Postgres tests are SKIPPED. Run eval "$(.ci/startPostgres)" to run them.\n`,
    );
  }
  describe.skip('postgres (skipped: no CARTBACK_TEST_DATABASE_URL)', () => suite(postgresStorage('')));
}

const sqliteStorage: TestStorage = {
  dialect: 'sqlite',
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'cartback-collector-'));
    return { options: { dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  },
};

function postgresStorage(baseUrl: string): TestStorage {
  return {
    dialect: 'postgres',
    async create() {
      const schema = `test_${Math.random().toString(36).slice(2, 12)}`;
      await runSql(baseUrl, `CREATE SCHEMA ${schema}`);
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        options: { dataDir: join(tmpdir(), 'cartback-unused'), databaseUrl: url.href },
        drop: () => runSql(baseUrl, `DROP SCHEMA ${schema} CASCADE`),
      };
    },
  };
}

async function runSql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
