import { describe, expect, it } from 'vitest';
import { getRetryDelay, isRetryable } from './getRetryDelay.js';

const half = () => 0.5; // jitter factor 0.75

describe('isRetryable', () => {
  it.each([408, 429, 500, 502, 503, 504] as const)('retries HTTP %i', (status) => {
    expect(isRetryable(status)).toBe(true);
  });

  it('retries network errors', () => {
    expect(isRetryable('network')).toBe(true);
  });

  it.each([400, 401, 403, 404, 413, 422])('does not retry HTTP %i', (status) => {
    expect(isRetryable(status)).toBe(false);
  });
});

describe('getRetryDelay', () => {
  it('doubles from 1 s per attempt', () => {
    expect([0, 1, 2, 3, 4].map((n) => getRetryDelay(n, half))).toEqual([750, 1500, 3000, 6000, 12_000]);
  });

  it('caps the backoff at 5 minutes, however many attempts', () => {
    expect(getRetryDelay(9, half)).toBe(225_000); // 512 s capped to 300 s, × 0.75
    expect(getRetryDelay(2000, () => 0.999999)).toBeLessThan(300_000);
    expect(getRetryDelay(2000, () => 0.999999)).toBeGreaterThan(299_000);
  });

  it('keeps the jitter factor within [0.5, 1)', () => {
    expect(getRetryDelay(3, () => 0)).toBe(4000);
    expect(getRetryDelay(3, () => 0.999999)).toBeLessThan(8000);
    for (let i = 0; i < 200; i++) {
      const delay = getRetryDelay(3, Math.random);
      expect(delay).toBeGreaterThanOrEqual(4000);
      expect(delay).toBeLessThan(8000);
    }
  });

  describe('Retry-After', () => {
    const now = Date.UTC(2026, 10, 21, 10, 0, 0);

    it('uses delta-seconds instead of the backoff, without jitter', () => {
      expect(getRetryDelay(5, half, '7', now)).toBe(7000);
      expect(getRetryDelay(0, half, '0', now)).toBe(0);
    });

    it('uses an HTTP date, measured from now', () => {
      expect(getRetryDelay(0, half, new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
      expect(getRetryDelay(0, half, 'Sat, 21 Nov 2026 10:02:00 GMT', now)).toBe(120_000);
    });

    it('never goes negative for a date in the past', () => {
      expect(getRetryDelay(0, half, 'Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
    });

    it('is capped at 1 hour', () => {
      expect(getRetryDelay(0, half, '86400', now)).toBe(3_600_000);
      expect(getRetryDelay(0, half, 'Sun, 22 Nov 2026 10:00:00 GMT', now)).toBe(3_600_000);
    });

    it('falls back to the backoff when missing or unparseable', () => {
      expect(getRetryDelay(1, half, null, now)).toBe(1500);
      expect(getRetryDelay(1, half, '', now)).toBe(1500);
      expect(getRetryDelay(1, half, 'soon', now)).toBe(1500);
    });
  });
});
