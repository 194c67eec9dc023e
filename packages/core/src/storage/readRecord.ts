import { CartbackError, describeValue } from '../engine/CartbackError.js';

/** Stored records carry a format version: `{ v: 1, ...data }`. */
export type StoredRecord = { v: number } & Record<string, unknown>;

/**
 * Reads a stored record of the current format version. Returns undefined for nothing stored;
 * throws a CartbackError for a record that is corrupt, of another format version, or that
 * fails `isValid`, so the caller can discard it with one warning. Every format is still v1:
 * the first change of a shape adds its migration here, in place of discarding.
 */
export function readRecord<T extends StoredRecord>(
  raw: unknown,
  key: string,
  version: number,
  isValid: (record: StoredRecord) => record is T,
): T | undefined {
  if (raw === undefined) return undefined;
  const corrupt = (why: string) =>
    new CartbackError('corrupt_record', `stored "${key}" ${why} (got ${describeValue(raw)}). It was discarded`);
  // A primitive or null has no `v` either; another `v` is a format this SDK cannot read.
  if ((raw as StoredRecord | null)?.v !== version) throw corrupt(`is not a v${version} record`);
  if (!isValid(raw as StoredRecord)) throw corrupt('does not have the expected shape');
  return raw as T;
}
