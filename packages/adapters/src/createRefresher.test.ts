import { describe, expect, it } from 'vitest';
import { createRefresher } from './createRefresher.js';

/** A read the test finishes by hand, recording when each one started. */
function controlledReads() {
  const started: number[] = [];
  const finish: Array<(ok: boolean) => void> = [];
  const read = () =>
    new Promise<void>((resolve, reject) => {
      started.push(started.length + 1);
      finish.push((ok) => (ok ? resolve() : reject(new Error('offline'))));
    });
  return { read, started, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRefresher', () => {
  it('reads at once when nothing is running', () => {
    const { read, started } = controlledReads();
    createRefresher(read)();
    expect(started).toEqual([1]);
  });

  it('folds every request made during a read into one more read after it', async () => {
    const { read, started, finish } = controlledReads();
    const refresh = createRefresher(read);
    refresh();
    refresh();
    refresh();
    refresh();
    expect(started).toEqual([1]);
    finish[0]!(true);
    await tick();
    expect(started).toEqual([1, 2]);
    finish[1]!(true);
    await tick();
    expect(started).toEqual([1, 2]);
  });

  it('carries on after a failed read', async () => {
    const { read, started, finish } = controlledReads();
    const refresh = createRefresher(read);
    refresh();
    refresh();
    finish[0]!(false);
    await tick();
    expect(started).toEqual([1, 2]);
    finish[1]!(true);
    await tick();
    refresh();
    expect(started).toEqual([1, 2, 3]);
  });
});
