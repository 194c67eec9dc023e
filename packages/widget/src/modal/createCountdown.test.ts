import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCountdown } from './createCountdown.js';

describe('createCountdown', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('changes when the displayed second does, and stops at zero', () => {
    let left: number | undefined;
    createCountdown(Date.now() + 2500, Date.now, (value) => (left = value));
    expect(left).toBe(2500);
    vi.advanceTimersByTime(499);
    expect(left).toBe(2500);
    vi.advanceTimersByTime(1);
    expect(left).toBe(2000);
    vi.advanceTimersByTime(2000);
    expect(left).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops ticking at stop()', () => {
    let left: number | undefined;
    const stop = createCountdown(Date.now() + 60_000, Date.now, (value) => (left = value));
    stop();
    vi.advanceTimersByTime(5000);
    expect(left).toBe(60_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
