import type { EventDraft } from './createDraft.js';
import type { CartbackEvent } from './events.js';
import { isRecord } from './isRecord.js';
import { isString, isTime } from './records.js';
import { DRAFTS_KEY, HANDOFF_KEY, webStorage } from './webStorage.js';

/**
 * What a closing page hands to the next page of the store through localStorage, which is
 * synchronous: IndexedDB writes started by a page that is going away may be cut off
 * (Chromium aborts them). `events` are its unconfirmed events, `drafts` the events the engine
 * made that the tracking chunk had not taken in yet (it failed to load, say), and
 * `abandonment` the provisional abandonment its session ended with (so the next page knows
 * the shopper left, and whether to cancel it or count a return).
 */
export interface HandOver {
  events: CartbackEvent[];
  drafts: EventDraft[];
  abandonment?: { id: string; graceUntil: number };
}

/** Most events and drafts kept: a hand-over must fit in localStorage beside the store's own data. */
const MAX_KEPT = 100;

/** Adds to what the tracker hands over (several tabs may close before the next page opens). */
export function handOver(win: Window | undefined, { events, abandonment }: Omit<HandOver, 'drafts'>): void {
  const kept = takeHandOver(win);
  const next = { events: [...kept.events, ...events].slice(-MAX_KEPT), abandonment: abandonment ?? kept.abandonment };
  webStorage(win, 'localStorage', HANDOFF_KEY, JSON.stringify(next));
  handOverDrafts(win, kept.drafts);
}

/** Adds to the drafts handed over: the engine's, under a key of their own so it need not read the rest. */
export function handOverDrafts(win: Window | undefined, drafts: EventDraft[]): void {
  const kept = readList(win, DRAFTS_KEY);
  if (drafts.length) webStorage(win, 'localStorage', DRAFTS_KEY, JSON.stringify([...kept, ...drafts].slice(-MAX_KEPT)));
}

/** A JSON array kept in localStorage, or none if it is something else. */
function readList(win: Window | undefined, key: string): unknown[] {
  try {
    const value: unknown = JSON.parse(webStorage(win, 'localStorage', key)!);
    if (Array.isArray(value)) return value;
  } catch {}
  return [];
}

/**
 * Reads and removes what was handed over. Anything unreadable gives nothing: what another
 * script or SDK version left under the key is not trusted (each event and draft is checked
 * again where it is used).
 */
export function takeHandOver(win: Window | undefined): HandOver {
  const raw = webStorage(win, 'localStorage', HANDOFF_KEY);
  const drafts = readList(win, DRAFTS_KEY) as EventDraft[];
  webStorage(win, 'localStorage', HANDOFF_KEY, null);
  webStorage(win, 'localStorage', DRAFTS_KEY, null);
  try {
    const value: unknown = JSON.parse(raw!);
    if (isRecord(value)) {
      const { events, abandonment: a } = value;
      return {
        events: Array.isArray(events) ? events : [],
        drafts,
        ...(isRecord(a) && isString(a.id) && isTime(a.graceUntil) && { abandonment: { id: a.id, graceUntil: a.graceUntil } }),
      };
    }
  } catch {}
  return { events: [], drafts };
}
