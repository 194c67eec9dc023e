import { CartbackError } from '../../engine/CartbackError.js';
import type { CartbackEvent } from '../../events.js';
import { getRetryDelay, isRetryable } from './getRetryDelay.js';
import { byteLength, halves, splitBatch, toBody } from './splitBatch.js';

export interface DeliveryOptions {
  endpoint: string;
  outbox: {
    read(): Promise<CartbackEvent[]>;
    remove(ids: string[]): Promise<void>;
  };
  fetch: typeof fetch;
  isOnline: () => boolean;
  onOnline: (fn: () => void) => () => void;
  /** Runs `fn` while no other tab is flushing, so open tabs do not send the same events twice. */
  withLock: (fn: () => Promise<void>) => Promise<void>;
  now: () => number;
  random: () => number;
  report: (error: CartbackError) => void;
}

export type Delivery = ReturnType<typeof createDelivery>;

const MAX_BYTES = 256 * 1024;
const MAX_EVENTS = 100;
// Chrome refuses keepalive data beyond 64 KiB in flight per page: stay under it.
const KEEPALIVE_BYTES = 60_000;

const ids = (events: CartbackEvent[]) => events.map((e) => e.id);

/**
 * Sends the outbox to the endpoint with batched fetch while the page lives (page hide is
 * `sendBeacons`). An event leaves the outbox only on a 2xx, or when the endpoint refuses it
 * for good (reported), so every other failure is a later retry. Never throws, never rejects.
 * It is a lazy chunk (`cartback-delivery.js`): loaded once there is something to send.
 */
export function createDelivery(o: DeliveryOptions) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let offOnline: (() => void) | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let attempt = 0;
  let alive = true;

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const stopOnline = () => {
    offOnline?.();
    offOnline = undefined;
  };
  const later = (ms: number) => {
    stopTimer();
    if (alive) timer = setTimeout(flush, ms);
  };
  const retry = (retryAfter?: string | null) => {
    again = false; // the retry timer sends whatever arrived meanwhile; rerunning now would hammer a failing endpoint
    later(getRetryDelay(attempt++, o.random, retryAfter, o.now()));
  };
  // Offline is not a failure: no request would succeed, so wait without spending attempts.
  const whenOnline = () => {
    if (alive && !offOnline)
      offOnline = o.onOnline(() => {
        stopOnline();
        void flush();
      });
  };

  /** Sends one batch; resolves false when the flush must stop and wait for a retry. */
  async function post(batch: CartbackEvent[]): Promise<boolean> {
    const body = toBody(batch, o.now());
    let res: Response | undefined;
    try {
      res = await o.fetch(o.endpoint, {
        method: 'POST',
        body,
        // text/plain and no custom headers: a "simple" request, so no CORS preflight.
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        keepalive: byteLength(body) < KEEPALIVE_BYTES,
        credentials: 'omit',
      });
    } catch {} // a network error: `res` stays undefined
    const status = res ? res.status : 'network';
    if (res?.ok) {
      attempt = 0;
      await o.outbox.remove(ids(batch));
      return true;
    }
    if (status === 413 && batch.length > 1) {
      const [a, b] = halves(batch);
      return (await post(a)) && post(b);
    }
    if (isRetryable(status)) {
      if (!res && !o.isOnline()) whenOnline();
      else retry(res?.headers.get('Retry-After'));
      return false;
    }
    // Sending these again would be refused again and block everything queued behind them.
    await o.outbox.remove(ids(batch));
    o.report(
      new CartbackError(
        'events_rejected',
        `the endpoint rejected ${batch.length} events with HTTP ${status} (${o.endpoint}). ` +
          'Check that it accepts the event schema (schema/events.v1.json) sent as text/plain JSON, and answers 2xx',
      ),
    );
    return true;
  }

  async function send(): Promise<void> {
    if (!alive) return;
    if (!o.isOnline()) return whenOnline();
    await o.withLock(async () => {
      for (const batch of splitBatch(await o.outbox.read(), MAX_BYTES, MAX_EVENTS)) if (!(await post(batch))) return;
    });
  }

  /** Sends everything pending now; a call while one is in flight runs one more afterwards. */
  function flush(): Promise<void> {
    stopTimer();
    if (running) {
      again = true;
      return running;
    }
    return (running = send()
      .catch(() => retry()) // storage or lock failures: the events are still in the outbox
      .then(() => {
        running = undefined;
        if (again) {
          again = false;
          return flush();
        }
      }));
  }

  return {
    /**
     * Flushes within `delay` ms. A pending timer is kept, not pushed back: a steady trickle of
     * events must not postpone delivery forever, and a backoff must not be cut short.
     */
    schedule(delay = 1000): void {
      if (!timer) later(delay);
    },
    flush,
    destroy(): void {
      alive = false;
      stopTimer();
      stopOnline();
    },
  };
}
