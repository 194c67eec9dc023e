import { describe, expect, it, vi } from 'vitest';
import { createWriteBehind } from './createWriteBehind.js';

/** A write whose calls stay in flight until the test settles them. */
function controlledWrite() {
  const pending: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  const write = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  return { write, pending };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createWriteBehind', () => {
  it('does not write before anything is scheduled', async () => {
    const write = vi.fn(async () => {});
    const writer = createWriteBehind(write);
    await writer.flush();
    expect(write).not.toHaveBeenCalled();
  });

  it('writes once for 1,000 schedules in one synchronous loop', async () => {
    const write = vi.fn(async () => {});
    const writer = createWriteBehind(write);
    for (let i = 0; i < 1000; i++) writer.schedule();
    await writer.flush();
    await settle();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes after the current task, not inside schedule()', async () => {
    const write = vi.fn(async () => {});
    const writer = createWriteBehind(write);
    writer.schedule();
    expect(write).not.toHaveBeenCalled();
    await writer.flush();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('collapses schedules during an in-flight write into exactly one more write', async () => {
    const { write, pending } = controlledWrite();
    const writer = createWriteBehind(write, 0); // no minimum interval: round trips alone decide
    writer.schedule();
    await settle();
    expect(write).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 50; i++) writer.schedule();
    await settle();
    expect(write).toHaveBeenCalledTimes(1); // still waiting for the first

    pending[0]!.resolve();
    await settle();
    expect(write).toHaveBeenCalledTimes(2);

    pending[1]!.resolve();
    await writer.flush();
    await settle();
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('flush() resolves only after every write, including the follow-up one', async () => {
    const { write, pending } = controlledWrite();
    const writer = createWriteBehind(write, 0); // no minimum interval: round trips alone decide
    writer.schedule();
    await settle();
    writer.schedule();

    let flushed = false;
    void writer.flush().then(() => (flushed = true));

    pending[0]!.resolve();
    await settle();
    expect(write).toHaveBeenCalledTimes(2);
    expect(flushed).toBe(false);

    pending[1]!.resolve();
    await settle();
    expect(flushed).toBe(true);
  });

  it('keeps writing after a write rejects', async () => {
    const { write, pending } = controlledWrite();
    const writer = createWriteBehind(write, 0); // no minimum interval: round trips alone decide
    writer.schedule();
    await settle();
    writer.schedule();

    pending[0]!.reject(new Error('QuotaExceededError'));
    await settle();
    expect(write).toHaveBeenCalledTimes(2);
    pending[1]!.resolve();
    await expect(writer.flush()).resolves.toBeUndefined();

    writer.schedule();
    await settle();
    expect(write).toHaveBeenCalledTimes(3);
    pending[2]!.resolve();
    await writer.flush();
  });

  it('flush() does not reject when the write fails', async () => {
    const writer = createWriteBehind(async () => {
      throw new Error('disk full');
    });
    writer.schedule();
    await expect(writer.flush()).resolves.toBeUndefined();
  });

  it('writes once per round trip when changes are spread over time', async () => {
    const write = vi.fn(async () => {});
    const writer = createWriteBehind(write);
    for (let i = 0; i < 3; i++) {
      writer.schedule();
      await writer.flush();
    }
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('spaces follow-up writes at least `interval` apart: 100 changes over half a second, a handful of writes', async () => {
    vi.useFakeTimers();
    try {
      const write = vi.fn(async () => {});
      const writer = createWriteBehind(write, 100);
      for (let i = 0; i < 100; i++) {
        writer.schedule();
        await vi.advanceTimersByTimeAsync(5);
      }
      await vi.advanceTimersByTimeAsync(200);
      expect(write.mock.calls.length).toBeGreaterThanOrEqual(5);
      expect(write.mock.calls.length).toBeLessThanOrEqual(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flush() writes a change waiting for its interval at once (page hide)', async () => {
    const write = vi.fn(async () => {});
    const writer = createWriteBehind(write, 60_000);
    writer.schedule();
    await writer.flush();
    writer.schedule(); // would wait a minute
    await settle();
    expect(write).toHaveBeenCalledTimes(1);
    await writer.flush();
    expect(write).toHaveBeenCalledTimes(2);
  });
});
