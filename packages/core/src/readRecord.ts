import { CartbackError, describeValue } from './CartbackError.js';

/** Stored records carry a format version: `{ v: 1, ...data }`. */
export type StoredRecord = { v: number } & Record<string, unknown>;

/** Upgrades a record from version N to N + 1, keyed by N. */
export type Migrations = Record<number, (record: StoredRecord) => StoredRecord>;

/**
 * Brings a stored record to the current format version. Returns undefined for nothing
 * stored; throws a CartbackError for a record that is corrupt, from a newer SDK, or that
 * fails `isValid` after migration, so the caller can discard it with one warning.
 */
export function readRecord<T extends StoredRecord>(
  raw: unknown,
  key: string,
  version: number,
  isValid: (record: StoredRecord) => record is T,
  migrations: Migrations = {},
): T | undefined {
  if (raw === undefined) return undefined;
  const corrupt = (why: string) =>
    new CartbackError('corrupt_record', `stored "${key}" ${why} (got ${describeValue(raw)}). It was discarded`);
  // A primitive or null has no integer `v` either.
  if (!Number.isInteger((raw as StoredRecord | null)?.v)) throw corrupt('is not a versioned record');
  let record = raw as StoredRecord;
  if (record.v > version) throw corrupt(`is from a newer format (v${record.v}, this SDK reads v${version})`);
  while (record.v < version) {
    const migrate = migrations[record.v];
    if (!migrate) throw corrupt(`has format v${record.v} that cannot be upgraded`);
    record = migrate(record);
  }
  if (!isValid(record)) throw corrupt('does not have the expected shape');
  return record;
}
