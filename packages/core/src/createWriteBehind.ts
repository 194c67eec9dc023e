/**
 * Coalesces writes: `schedule()` asks for `write` to run in the next microtask; requests
 * made before it starts are the same write, and requests made while it is in flight collapse
 * into one more write after it. A burst of 1,000 changes in one task costs one write;
 * changes spread over time cost at most one write per storage round trip.
 */
export function createWriteBehind(write: () => Promise<void>) {
  let running: Promise<void> | undefined;
  let writing = false;
  let dirty = false;

  const run = async (): Promise<void> => {
    writing = true;
    dirty = false;
    try {
      await write();
    } catch {
      // `write` reports its own failures; a failed write must not stop the next one
    }
    if (dirty) return run();
    writing = false;
    running = undefined;
  };

  return {
    schedule(): void {
      if (!running) running = Promise.resolve().then(run);
      else if (writing) dirty = true;
    },
    /** Resolves once every scheduled write has finished. */
    flush(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
