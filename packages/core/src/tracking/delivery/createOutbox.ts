import { CartbackError, describeValue } from '../../engine/CartbackError.js';
import type { CartbackEvent } from '../../events.js';
import { isRecord } from '../../engine/isRecord.js';
import { EVENT_PREFIX, isString } from '../../storage/records.js';
import type { KeyValueStorage } from '../../types.js';

export const OUTBOX_LIMITS = { maxEvents: 500, maxBytes: 1024 * 1024, maxAge: 7 * 24 * 3600 * 1000 };

/**
 * Picks what to drop when the outbox is over its caps: everything older than `maxAge`,
 * then, while over `maxEvents` or `maxBytes`, a `cart_updated` that a newer snapshot of
 * the same cart supersedes, and only then the oldest event. `events` is oldest first.
 */
export function selectDrops(events: CartbackEvent[], now: number, limits = OUTBOX_LIMITS): CartbackEvent[] {
  const drops = new Set(events.filter((e) => now - Date.parse(e.time) > limits.maxAge));
  const sizes = new Map(events.map((e) => [e, JSON.stringify(e).length]));
  let kept = events.filter((e) => !drops.has(e));
  let bytes = kept.reduce((sum, e) => sum + sizes.get(e)!, 0);
  while (kept.length > limits.maxEvents || bytes > limits.maxBytes) {
    const victim =
      kept.find(
        (e, i) =>
          e.type === 'cart_updated' && kept.slice(i + 1).some((n) => n.type === 'cart_updated' && n.cart?.id === e.cart?.id),
      ) ?? kept[0]!;
    drops.add(victim);
    bytes -= sizes.get(victim)!;
    kept = kept.filter((e) => e !== victim);
  }
  return events.filter((e) => drops.has(e));
}

/**
 * Whether a stored record is an event delivery can handle: removable by its id (the key
 * names it), typed, dated, and sendable as JSON. Anything else (another SDK version's
 * record, a hand-edited one) would break every flush.
 */
function isStoredEvent(key: string, value: unknown): value is CartbackEvent {
  if (!isRecord(value) || !isString(value.id) || key !== EVENT_PREFIX + value.id || !isString(value.type)) return false;
  if (typeof value.time != 'string' || isNaN(Date.parse(value.time))) return false;
  try {
    return typeof JSON.stringify(value) == 'string'; // no BigInt, no cycle
  } catch {
    return false;
  }
}

/**
 * The durable outbox: one storage key per event, written when the event is created and
 * deleted only once the endpoint has answered 2xx (or refused it for good). Every tab
 * writes its own keys, so the tab that flushes sees the events of all tabs.
 */
export function createOutbox(storage: () => KeyValueStorage, now: () => number, report: (e: CartbackError) => void) {
  let unsent: CartbackEvent[] = [];
  return {
    /** Stores an event; one the storage refuses was reported by it, and is still beaconed from `unsent`. */
    add(event: CartbackEvent): Promise<void> {
      unsent.push(event);
      return storage().set(EVENT_PREFIX + event.id, event).catch(() => {});
    },
    /** Stores an event handed over by an earlier page (it is not this tab's to beacon). */
    keep: (event: CartbackEvent): Promise<void> => storage().set(EVENT_PREFIX + event.id, event).catch(() => {}),
    /** This tab's events not yet confirmed: what a beacon can send without waiting for storage. */
    unsent: () => unsent,
    /** Every tab's pending events, oldest first, within the caps. */
    async read(): Promise<CartbackEvent[]> {
      const stored = (await storage().entries()).filter(([key]) => String(key).startsWith(EVENT_PREFIX));
      const events: CartbackEvent[] = [];
      const corrupt: typeof stored = [];
      for (const [key, value] of stored) {
        if (isStoredEvent(key, value)) events.push(value);
        else corrupt.push([key, value]);
      }
      if (corrupt.length) {
        await Promise.all(corrupt.map(([key]) => storage().del(key)));
        report(
          new CartbackError(
            'corrupt_record',
            `the outbox held ${corrupt.length} record(s) that are not events (got ${describeValue(corrupt[0]![1])}). They were discarded`,
          ),
        );
      }
      events.sort((a, b) => a.time.localeCompare(b.time));
      const drops = selectDrops(events, now());
      if (!drops.length) return events;
      await this.remove(drops.map((e) => e.id));
      report(
        new CartbackError(
          'outbox_full',
          `the outbox was over its limits (${OUTBOX_LIMITS.maxEvents} events, 1 MiB, 7 days): dropped ${drops.length} (${[...new Set(drops.map((e) => e.type))].join(', ')}). Check that the endpoint answers 2xx.`,
        ),
      );
      return events.filter((e) => !drops.includes(e));
    },
    async remove(ids: string[]): Promise<void> {
      unsent = unsent.filter((e) => !ids.includes(e.id));
      await Promise.all(ids.map((id) => storage().del(EVENT_PREFIX + id)));
    },
    /** Empties `unsent()` (beaconed, or consent withdrawn); what is stored stays stored. */
    clearUnsent(): void {
      unsent = [];
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
