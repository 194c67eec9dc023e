import { describe, expect, it } from 'vitest';
import { formatCountdown } from './formatCountdown.js';

describe('formatCountdown', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatCountdown(10 * 60_000)).toBe('10:00');
    expect(formatCountdown(65_000)).toBe('01:05');
    expect(formatCountdown(59 * 60_000 + 59_000)).toBe('59:59');
  });

  it('shows hours from an hour up', () => {
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatCountdown(48 * 3_600_000)).toBe('48:00:00');
  });

  it('rounds up, so 00:00 means expired', () => {
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5000)).toBe('00:00');
  });
});
