import { afterEach, expect, it, vi } from 'vitest';
import { createTicker } from './createTicker';

afterEach(() => vi.useRealTimers());

it('runs at once and on every interval, never two runs at a time, and logs a failed run instead of throwing', async () => {
  vi.useFakeTimers();
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  let runs = 0;
  let finish: () => void = () => {};
  const ticker = createTicker(
    () => {
      runs++;
      if (runs === 2) return Promise.reject(new Error('database away'));
      return new Promise<void>((resolve) => (finish = resolve));
    },
    1000,
    'sending recovery emails',
  );
  ticker.start();
  expect(runs).toBe(1);
  await vi.advanceTimersByTimeAsync(3000);
  expect(runs).toBe(1); // the first run has not finished
  finish();
  await vi.advanceTimersByTimeAsync(1000);
  expect(runs).toBe(2);
  expect(error).toHaveBeenCalledWith('[cartback collector] sending recovery emails failed; retrying at the next tick', expect.any(Error));
  await vi.advanceTimersByTimeAsync(1000);
  expect(runs).toBe(3);
  finish();
  await ticker.destroy();
  await vi.advanceTimersByTimeAsync(5000);
  expect(runs).toBe(3);
  error.mockRestore();
});
