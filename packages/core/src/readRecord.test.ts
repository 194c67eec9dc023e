import { describe, expect, it } from 'vitest';
import { readRecord, type Migrations, type StoredRecord } from './readRecord.js';
import { catchCartbackError } from './testing/catchCartbackError.js';

type V1 = StoredRecord & { v: 1; name: string };
type V2 = StoredRecord & { v: 2; renamed: string };

const isV1 = (r: StoredRecord): r is V1 => typeof r.name === 'string';
const isV2 = (r: StoredRecord): r is V2 => typeof r.renamed === 'string';


describe('readRecord', () => {
  it('returns undefined when nothing is stored', () => {
    expect(readRecord(undefined, 'cart', 1, isV1)).toBeUndefined();
  });

  it('returns a valid record of the current version as it is', () => {
    const record = { v: 1, name: 'Ada' };
    expect(readRecord(record, 'cart', 1, isV1)).toEqual({ v: 1, name: 'Ada' });
  });

  it.each([
    ['a string', 'garbage', '"garbage"'],
    ['null', null, 'null'],
    ['a number', 7, '7'],
    ['an object without v', { name: 'Ada' }, '{"name":"Ada"}'],
    ['an object with v 1.5', { v: 1.5, name: 'Ada' }, '{"v":1.5,"name":"Ada"}'],
    ['an object with v "1"', { v: '1', name: 'Ada' }, '{"v":"1","name":"Ada"}'],
  ])('throws corrupt_record for %s', (_, raw, shown) => {
    const error = catchCartbackError(() => readRecord(raw, 'cart', 1, isV1));
    expect(error.code).toBe('corrupt_record');
    expect(error.message).toBe(`[cartback] stored "cart" is not a versioned record (got ${shown}). It was discarded`);
  });

  it('throws for a record from a newer format', () => {
    const error = catchCartbackError(() => readRecord({ v: 3, name: 'Ada' }, 'session', 1, isV1));
    expect(error.code).toBe('corrupt_record');
    expect(error.message).toBe(
      '[cartback] stored "session" is from a newer format (v3, this SDK reads v1) (got {"v":3,"name":"Ada"}). It was discarded',
    );
  });

  it('throws for a record without the expected shape', () => {
    const error = catchCartbackError(() => readRecord({ v: 1, name: 5 }, 'identity', 1, isV1));
    expect(error.code).toBe('corrupt_record');
    expect(error.message).toBe(
      '[cartback] stored "identity" does not have the expected shape (got {"v":1,"name":5}). It was discarded',
    );
  });

  describe('migrations', () => {
    const migrations: Migrations = { 1: (r) => ({ ...r, v: 2, renamed: r.old }) };

    it('upgrades an old record to the current version', () => {
      expect(readRecord({ v: 1, old: 'Ada' }, 'cart', 2, isV2, migrations)).toEqual({ v: 2, old: 'Ada', renamed: 'Ada' });
    });

    it('chains migrations across several versions', () => {
      const chain: Migrations = {
        0: (r) => ({ ...r, v: 1, old: String(r.first) }),
        1: (r) => ({ ...r, v: 2, renamed: r.old }),
      };
      expect(readRecord({ v: 0, first: 42 }, 'cart', 2, isV2, chain)).toMatchObject({ v: 2, renamed: '42' });
    });

    it('throws when there is no migration from the stored version', () => {
      const error = catchCartbackError(() => readRecord({ v: 0, old: 'Ada' }, 'cart', 2, isV2, migrations));
      expect(error.code).toBe('corrupt_record');
      expect(error.message).toBe(
        '[cartback] stored "cart" has format v0 that cannot be upgraded (got {"v":0,"old":"Ada"}). It was discarded',
      );
    });

    it('throws when the migrated record does not pass isValid', () => {
      const error = catchCartbackError(() => readRecord({ v: 1, other: 'Ada' }, 'cart', 2, isV2, migrations));
      expect(error.code).toBe('corrupt_record');
      expect(error.message).toContain('stored "cart" does not have the expected shape');
    });

    it('does not run migrations for a current record', () => {
      const throwing: Migrations = {
        1: () => {
          throw new Error('must not run');
        },
      };
      expect(readRecord({ v: 2, renamed: 'Ada' }, 'cart', 2, isV2, throwing)).toEqual({ v: 2, renamed: 'Ada' });
    });
  });
});
