import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCountdown } from './createCountdown.js';

describe('createCountdown', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('changes when the displayed second does, and stops at zero', () => {
    const countdown = createCountdown(Date.now() + 2500, Date.now);
    expect(countdown.left.value).toBe(2500);
    vi.advanceTimersByTime(499);
    expect(countdown.left.value).toBe(2500);
    vi.advanceTimersByTime(1);
    expect(countdown.left.value).toBe(2000);
    vi.advanceTimersByTime(2000);
    expect(countdown.left.value).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops ticking at stop()', () => {
    const countdown = createCountdown(Date.now() + 60_000, Date.now);
    countdown.stop();
    vi.advanceTimersByTime(5000);
    expect(countdown.left.value).toBe(60_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
