/**
 * Coalesces writes. The first change is written in the next microtask (so a change followed
 * at once by a navigation is already on its way to storage); changes made while a write is
 * in flight, or within `interval` ms of the last one started, collapse into one more write.
 * So 1,000 `cart.add` calls in one task cost one write, and spread over a second about ten.
 *
 * `flush()` (page hide, tests) starts the pending write at once, even beside one in flight:
 * a closing page runs no more timers or storage callbacks, and IndexedDB applies read-write
 * transactions on a store in the order they were created, so the newer state lands last.
 */
export function createWriteBehind(write: () => Promise<void>, interval = 100) {
  const inflight = new Set<Promise<void>>();
  let queued = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = -Infinity;

  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    queued = false;
    lastStart = Date.now();
    // `write` reports its own failures; a failed write must not stop the next one.
    const current: Promise<void> = write()
      .catch(() => {})
      .then(() => {
        inflight.delete(current);
        tick();
      });
    inflight.add(current);
  };
  const tick = () => {
    if (!queued || inflight.size || timer) return;
    const wait = lastStart + interval - Date.now();
    if (wait > 0) timer = setTimeout(run, wait);
    else run();
  };

  return {
    schedule(): void {
      if (queued) return; // a write is already coming: the tick, the timer, or the end of the one in flight
      queued = true;
      queueMicrotask(tick);
    },
    /** Starts what is pending now; resolves once every write so far has finished. */
    async flush(): Promise<void> {
      if (queued) run();
      while (inflight.size) await Promise.all(inflight);
    },
  };
}
