import { describe, expect, it } from 'vitest';
import { getBucket } from './getBucket.js';

describe('getBucket', () => {
  // The vectors published in docs/experiments.md, for other backends to reproduce assignment.
  it.each([
    ['exit-offer', '3f2b8c1e-6f0a-4d6e-9b1a-2c5d7e8f9a01', 0.83],
    ['exit-offer', '00000000-0000-4000-8000-000000000001', 0.5895],
    ['copy-test', '00000000-0000-4000-8000-000000000001', 0.2111],
    ['a', '1', 0.8633],
    ['', '', 0.2305],
  ])('seed %j and id %j fall in bucket %d', (seed, id, bucket) => {
    expect(getBucket(seed, id)).toBe(bucket);
  });

  it('splits visitors independently in two experiments', () => {
    // Half of the visitors in the lower half of one experiment are in the lower half of the other.
    let both = 0;
    let first = 0;
    for (let i = 0; i < 20_000; i++) {
      const id = `visitor-${i}`;
      const low = getBucket('exit-offer', id) < 0.5;
      first += +low;
      both += +(low && getBucket('exit-offer-2', id) < 0.5);
    }
    expect(both / first).toBeGreaterThan(0.48);
    expect(both / first).toBeLessThan(0.52);
  });
});
