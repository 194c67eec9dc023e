import { readRecord, type StoredRecord } from './readRecord.js';
import type { KeyValueStorage } from '../types.js';

/** Reads one versioned record; a corrupt one is deleted and reported (once), never thrown. */
export async function loadRecord<T extends StoredRecord>(
  storage: KeyValueStorage,
  key: string,
  version: number,
  isValid: (record: StoredRecord) => record is T,
  report: (error: unknown) => void,
): Promise<T | undefined> {
  try {
    return readRecord(await storage.get(key), key, version, isValid);
  } catch (error) {
    report(error);
    await storage.del(key);
  }
}
