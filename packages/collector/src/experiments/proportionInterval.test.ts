import { describe, expect, it } from 'vitest';
import { proportionInterval } from './proportionInterval';

describe('proportionInterval', () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion" (Statistics in
  // Medicine, 1998), Table II, method 3 (Wilson score, no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i: %d to %d, as published', (x, n, low, high) => {
    const [l, h] = proportionInterval(x, n);
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it('is [0, 0] without trials', () => {
    expect(proportionInterval(0, 0)).toEqual([0, 0]);
  });
});
