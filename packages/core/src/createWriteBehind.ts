/**
 * Coalesces writes: `schedule()` asks for `write` to run soon; while a write is in flight,
 * further requests collapse into one more write after it. A burst of 1,000 changes in one
 * task costs one write; changes spread over time cost one write per storage round trip.
 */
export function createWriteBehind(write: () => Promise<void>) {
  let running: Promise<void> | undefined;
  let dirty = false;

  const run = (): Promise<void> =>
    (running = Promise.resolve()
      .then(write)
      .catch(() => {}) // `write` reports its own failures; a failed write must not stop the next
      .then(() => {
        running = undefined;
        if (dirty) {
          dirty = false;
          return run();
        }
      }));

  return {
    schedule(): void {
      if (running) dirty = true;
      else void run();
    },
    /** Resolves once every scheduled write has finished. */
    flush(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
