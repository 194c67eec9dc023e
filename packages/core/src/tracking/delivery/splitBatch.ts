import type { CartbackEvent } from '../../events.js';

/** The POST body, `{"v":1,"sentAt":…,"events":[…]}`; `sentAt` is always 24 characters. */
export const toBody = (events: CartbackEvent[], now: number): string =>
  JSON.stringify({ v: 1, sentAt: new Date(now).toISOString(), events });

/** UTF-8 size: quotas (beacon, keepalive, the collector's limit) count bytes, not UTF-16 units. */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Cuts `events` into consecutive groups whose body stays within `maxBytes` and `maxEvents`.
 * Each event is serialised once; the envelope and the commas are added arithmetically. An
 * event too big on its own still gets a group of its own: only the caller knows whether to
 * try it anyway (the endpoint may accept it) or to leave it for later.
 */
export function splitBatch(events: CartbackEvent[], maxBytes: number, maxEvents: number): CartbackEvent[][] {
  const empty = byteLength(toBody([], 0));
  const groups: CartbackEvent[][] = [];
  let group: CartbackEvent[] = [];
  let size = empty;
  for (const event of events) {
    const bytes = byteLength(JSON.stringify(event));
    if (group.length && (size + 1 + bytes > maxBytes || group.length >= maxEvents)) {
      groups.push(group);
      group = [];
      size = empty;
    }
    size += bytes + (group.length ? 1 : 0);
    group.push(event);
  }
  if (group.length) groups.push(group);
  return groups;
}

export const halves = <T,>(list: T[]): T[][] => [list.slice(0, list.length >> 1), list.slice(list.length >> 1)];
