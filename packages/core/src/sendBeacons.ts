import type { CartbackEvent } from './events.js';
import { halves, splitBatch, toBody } from './splitBatch.js';

// Chrome refuses beacon data beyond 64 KiB in flight per page (shared with keepalive fetches).
const BEACON_BYTES = 64_000;
const MAX_EVENTS = 100;

/**
 * For page hide: hands `events` to the browser, which delivers them after the page is gone.
 * Nothing is removed from the outbox: only a 2xx proves delivery, so a beaconed event may be
 * sent again by the next page, and the collector deduplicates by id. A refused body is retried
 * in halves; a single refused event waits in the outbox for the next page. Never throws: page
 * hide is the last chance to run, inside the host page's own handlers.
 */
export function sendBeacons(
  endpoint: string,
  events: CartbackEvent[],
  sendBeacon: (url: string, body: string) => boolean,
  now: number,
): void {
  try {
    const send = (group: CartbackEvent[]): void => {
      if (!sendBeacon(endpoint, toBody(group, now)) && group.length > 1) halves(group).forEach(send);
    };
    splitBatch(events, BEACON_BYTES, MAX_EVENTS).forEach(send);
  } catch {}
}
