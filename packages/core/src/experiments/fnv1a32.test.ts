import { describe, expect, it } from 'vitest';
import { fnv1a32 } from './fnv1a32.js';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // From the FNV test suite (test_fnv.c by Landon Curt Noll).
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('stays an unsigned 32-bit integer for long input', () => {
    const hash = fnv1a32('x'.repeat(10_000));
    expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
  });
});
