import { describe, expect, it } from 'vitest';
import { readRecord, type StoredRecord } from './readRecord.js';
import { catchCartbackError } from '../testing/catchCartbackError.js';

type V1 = StoredRecord & { v: 1; name: string };

const isV1 = (r: StoredRecord): r is V1 => typeof r.name === 'string';


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
    expect(error.message).toBe(`[cartback] stored "cart" is not a v1 record (got ${shown}). It was discarded`);
  });

  it.each([3, 0])('throws for a record of another format version (v%i)', (v) => {
    const error = catchCartbackError(() => readRecord({ v, name: 'Ada' }, 'session', 1, isV1));
    expect(error.code).toBe('corrupt_record');
    expect(error.message).toBe(
      `[cartback] stored "session" is not a v1 record (got {"v":${v},"name":"Ada"}). It was discarded`,
    );
  });

  it('throws for a record without the expected shape', () => {
    const error = catchCartbackError(() => readRecord({ v: 1, name: 5 }, 'identity', 1, isV1));
    expect(error.code).toBe('corrupt_record');
    expect(error.message).toBe(
      '[cartback] stored "identity" does not have the expected shape (got {"v":1,"name":5}). It was discarded',
    );
  });
});
