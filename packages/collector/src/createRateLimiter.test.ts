import { expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter';

it('allows a burst, then refills at the sustained rate, per client', () => {
  const limiter = createRateLimiter({ perSecond: 2, burst: 3 });
  expect([0, 0, 0].map(() => limiter.take('a', 0))).toEqual([0, 0, 0]);
  expect(limiter.take('a', 0)).toBe(1);
  expect(limiter.take('b', 0)).toBe(0);
  expect(limiter.take('a', 500)).toBe(0);
  expect(limiter.take('a', 500)).toBe(1);
});
