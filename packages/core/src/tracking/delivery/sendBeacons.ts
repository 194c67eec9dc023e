import type { CartbackEvent } from '../../events.js';
import { halves, splitBatch, toBody } from './splitBatch.js';

// Chrome refuses beacon data beyond 64 KiB in flight per page (shared with keepalive fetches).
const BEACON_BYTES = 64_000;
const MAX_EVENTS = 100;

/**
 * What goes first when the quota may not hold everything: what recovery runs on (an
 * abandonment, an order), then the other events, then each cart's newest snapshot, and last
 * the snapshots a newer one of the same cart supersedes.
 */
function byImportance(events: CartbackEvent[]): CartbackEvent[] {
  const newest = new Map<string, number>();
  for (const { type, cart } of events)
    if (type == 'cart_updated' && cart) newest.set(cart.id, Math.max(cart.version, newest.get(cart.id) ?? 0));
  const rank = ({ type, cart }: CartbackEvent) => {
    if (type == 'cart_abandoned' || type == 'order_completed') return 0;
    if (type != 'cart_updated') return 1;
    return cart && cart.version < newest.get(cart.id)! ? 3 : 2;
  };
  // A copy (the outbox's list stays as it is), sorted stably: within a rank, events keep their order.
  return [...events].sort((a, b) => rank(a) - rank(b));
}

/**
 * For page hide: hands `events` to the browser, which delivers them after the page is gone,
 * the most important first (`byImportance`), so that what the quota refuses is what matters
 * least. Every event fits a beacon (`capEvent`). Nothing is removed from the outbox: only a
 * 2xx proves delivery, so a beaconed event may be sent again by the next page, and the
 * collector deduplicates by id. A refused body is retried in halves; a single refused event
 * waits in the outbox for the next page. Never throws: page hide is the last chance to run,
 * inside the host page's own handlers.
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
    splitBatch(byImportance(events), BEACON_BYTES, MAX_EVENTS).forEach(send);
  } catch {}
}
