export interface Ticker {
  /** Runs `tick` now and every `intervalMs`, one run at a time. */
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  destroy(): Promise<void>;
}

/**
 * Background work on a timer (due recovery emails, webhook deliveries): a run never overlaps
 * the previous one, and a failed run is logged and tried again at the next tick, never thrown.
 */
export function createTicker(tick: () => Promise<void>, intervalMs: number, what: string): Ticker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= tick()
      .catch((error) => console.error(`[cartback collector] ${what} failed; retrying at the next tick`, error))
      .finally(() => (running = undefined));
    return running;
  };
  return {
    start() {
      timer ??= setInterval(run, intervalMs);
      void run();
    },
    async destroy() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
