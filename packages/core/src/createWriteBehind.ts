/**
 * Coalesces writes. The first change is written in the next microtask (so a change followed
 * at once by a navigation is already on its way to storage); changes made while a write is
 * in flight, or within `interval` ms of the last one, collapse into one more write. So 1,000
 * `cart.add` calls in one task cost one write, and spread over a second about ten. `flush()`
 * writes what is pending now (page hide, tests) and resolves when storage has it.
 */
export function createWriteBehind(write: () => Promise<void>, interval = 100) {
  let running: Promise<void> | undefined;
  let queued = false;
  let lastStart = -Infinity;
  let wake: (() => void) | undefined;

  const loop = async () => {
    while (queued) {
      const wait = lastStart + interval - Date.now();
      if (wait > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout((wake = resolve), wait);
          wake = () => (clearTimeout(timer), resolve());
        });
      }
      wake = undefined;
      queued = false;
      lastStart = Date.now();
      try {
        await write();
      } catch {
        // `write` reports its own failures; a failed write must not stop the next one
      }
    }
    running = undefined;
  };

  return {
    schedule(): void {
      queued = true;
      running ??= Promise.resolve().then(loop);
    },
    flush(): Promise<void> {
      wake?.();
      return running ?? Promise.resolve();
    },
  };
}
