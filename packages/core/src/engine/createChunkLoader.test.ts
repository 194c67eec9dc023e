import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CartbackError } from './CartbackError.js';
import { createChunkLoader } from './createChunkLoader.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A file that fails to load `failures` times, then loads. */
function flakyFile(failures: number) {
  let calls = 0;
  const load = vi.fn(async () => {
    if (++calls <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return { loaded: calls };
  });
  const errors: CartbackError[] = [];
  const win = new EventTarget() as unknown as Window;
  return { load, errors, win, loader: createChunkLoader('tracking', load, (error) => errors.push(error), win) };
}

describe('createChunkLoader', () => {
  it('loads once, however often it is asked', async () => {
    const { load, loader } = flakyFile(0);
    expect(loader.current()).toBeUndefined();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toEqual({ loaded: 1 });
    expect(b).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load and tries again 2 s later, then doubling', async () => {
    const { load, errors, loader } = flakyFile(2);
    expect(await loader.load()).toBeUndefined();
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['chunk_failed', '[cartback] tracking did not load (TypeError: Failed to fetch dynamically imported module); trying again'],
    ]);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(3);
    expect(await loader.current()).toEqual({ loaded: 3 });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('tries again at once when the browser is back online, and at the next load()', async () => {
    const { load, loader, win } = flakyFile(2);
    await loader.load();
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(2);
    expect(await loader.load()).toEqual({ loaded: 3 });
  });

  it('caps the wait at a minute', async () => {
    const { load, loader } = flakyFile(100);
    await loader.load();
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000 + 16_000 + 32_000);
    expect(load).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(load).toHaveBeenCalledTimes(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(7);
  });

  it('tries nothing more once stopped', async () => {
    const { load, loader, win } = flakyFile(5);
    await loader.load();
    loader.stop();
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
