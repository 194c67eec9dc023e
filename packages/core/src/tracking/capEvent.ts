import type { CartbackEvent } from '../events.js';
import { byteLength } from './delivery/splitBatch.js';
import type { CartItem } from '../types.js';

/**
 * The most UTF-8 bytes of one event's JSON. Chromium allows 64 KiB of beacon and keepalive
 * data in flight per page, shared by every beacon: when a tab closes, a big cart's last
 * snapshot and its abandonment go out together, so two capped events (32 KiB) plus an
 * ordinary batch of small events must fit in one body of 64,000 bytes.
 */
export const MAX_EVENT_BYTES = 16 * 1024;
/** Longest URL kept (`page.url`, `path`, `referrer`; an item's `url`, `image`), in UTF-16 units. */
export const MAX_URL_LENGTH = 1024;
/** Longest other string kept: names, ids, titles, trait values, any other field. */
export const MAX_TEXT_LENGTH = 256;
/** Most traits kept; a trait whose name is longer than `MAX_TEXT_LENGTH` is dropped. */
export const MAX_TRAITS = 20;

const URL_FIELDS = ['url', 'path', 'referrer', 'image'];

interface Limits {
  text: number;
  url: number;
  traits: number;
}

/** Cut to `max` units, ending in "…", never between the two halves of a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if ((text.charCodeAt(end - 1) & 0xfc00) == 0xd800) end--;
  return text.slice(0, end) + '…';
}

/** A copy of `value` whose strings keep within their field's maximum (store data can nest: 8 levels at most). */
function trim(value: unknown, limits: Limits, key = '', depth = 0): unknown {
  if (typeof value == 'string') return cut(value, URL_FIELDS.includes(key) ? limits.url : limits.text);
  if (typeof value != 'object' || !value) return value;
  if (depth > 8) return undefined;
  if (Array.isArray(value)) return value.map((child) => trim(child, limits, key, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value)) copy[name] = trim(child, limits, name, depth + 1);
  return copy;
}

/** The event within `limits`, keeping as many cart lines as fit; undefined if even none fit (unless `last`). */
function capWith(event: CartbackEvent, limits: Limits, last: boolean): CartbackEvent | undefined {
  const { cart, traits, ...rest } = event;
  const capped = trim(rest, limits) as CartbackEvent;
  if (traits) {
    const kept = Object.entries(traits).filter(([name]) => name.length <= limits.text);
    capped.traits = trim(Object.fromEntries(kept.slice(0, limits.traits)), limits) as CartbackEvent['traits'];
  }
  if (!cart) return last || byteLength(JSON.stringify(capped)) <= MAX_EVENT_BYTES ? capped : undefined;

  // The totals, currency, id and version stay exact: only lines are dropped, from the end.
  const { items, ...totals } = cart;
  const truncated = { ...totals, items: [] as CartItem[], truncated: true, lines: items.length };
  capped.cart = truncated;
  // Each line is serialised once: the room left is counted down, never re-measured.
  let room = MAX_EVENT_BYTES - byteLength(JSON.stringify(capped));
  if (room < 0 && !last) return undefined;
  for (const item of items) {
    const line = trim(item, limits) as CartItem;
    room -= byteLength(JSON.stringify(line)) + (truncated.items.length ? 1 : 0);
    if (room < 0) break;
    truncated.items.push(line);
  }
  if (truncated.items.length == items.length) capped.cart = { ...totals, items: truncated.items };
  return capped;
}

/**
 * A copy of `event` whose JSON fits in `MAX_EVENT_BYTES`, so that it always fits a beacon:
 * long strings are cut (see the maximums above) and the cart lines that do not fit are
 * dropped, the cart then saying `truncated: true` and `lines` (how many it really has).
 * Should the rest of the event leave no room even so (traits and titles at their maximum,
 * made of escaped characters), strings are cut to 64 units and traits to 5. Pure.
 */
export function capEvent(event: CartbackEvent): CartbackEvent {
  return (
    capWith(event, { text: MAX_TEXT_LENGTH, url: MAX_URL_LENGTH, traits: MAX_TRAITS }, false) ??
    capWith(event, { text: 64, url: 64, traits: 5 }, true)!
  );
}
