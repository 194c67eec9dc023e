import type { EventDraft } from './createDraft.js';
import type { CartbackEvent } from '../events.js';
import type { Touchpoints } from '../tracking/visitor/getAttribution.js';
import { isRecord } from './isRecord.js';
import { isString, isTime } from '../storage/records.js';
import { DRAFTS_KEY, HANDOFF_KEY, webStorage } from '../storage/webStorage.js';

/**
 * What a closing page hands to the next page of the store through localStorage, which is
 * synchronous: IndexedDB writes started by a page that is going away may be cut off
 * (Chromium aborts them). `events` are its unconfirmed events, `drafts` the events the engine
 * made that the tracking chunk had not taken in yet (it failed to load, say),
 * `abandonment` the provisional abandonment its session ended with (so the next page knows
 * the shopper left, and whether to cancel it or count a return). `touchpoints` are a
 * landing's recovery touchpoints (names and times), kept here until the session record has
 * them: an order is attributed to them.
 */
export interface HandOver {
  events: CartbackEvent[];
  drafts: EventDraft[];
  abandonment?: { id: string; graceUntil: number };
  touchpoints?: Touchpoints;
}

/** Most events and drafts kept: a hand-over must fit in localStorage beside the store's own data. */
const MAX_KEPT = 100;

/** Adds to what the tracker hands over (several tabs may close before the next page opens). */
export function handOver(win: Window | undefined, { events, abandonment, touchpoints }: Omit<HandOver, 'drafts'>): void {
  const kept = readHandOver(win);
  const next = {
    events: [...kept.events, ...events].slice(-MAX_KEPT),
    abandonment: abandonment ?? kept.abandonment,
    touchpoints: { ...kept.touchpoints, ...touchpoints },
  };
  webStorage(win, 'localStorage').write(HANDOFF_KEY, JSON.stringify(next));
}

/**
 * The drafts the engine has not seen taken in, at page hide: under a key of the page's own
 * (`cartback:drafts:<page>`), so that the always-loaded engine writes without reading, and
 * tabs closing together do not overwrite each other. The tracker takes them all.
 */
export function handOverDrafts(win: Window | undefined, page: string, drafts: EventDraft[]): void {
  if (drafts.length) webStorage(win, 'localStorage').write(DRAFTS_KEY + page, JSON.stringify(drafts.slice(-MAX_KEPT)));
}

/**
 * Reads and removes what was handed over. Anything unreadable gives nothing: what another
 * script or SDK version left under these keys is not trusted (each event and draft is checked
 * again where it is used).
 */
export function takeHandOver(win: Window | undefined): HandOver {
  const taken = { ...readHandOver(win), drafts: takeDrafts(win) };
  webStorage(win, 'localStorage').remove(HANDOFF_KEY);
  return taken;
}

function readHandOver(win: Window | undefined): Omit<HandOver, 'drafts'> {
  const value = readJson(win, HANDOFF_KEY);
  if (!isRecord(value)) return { events: [] };
  const { events, abandonment: a, touchpoints: t } = value;
  return {
    events: Array.isArray(events) ? events : [],
    ...(isRecord(a) && isString(a.id) && isTime(a.graceUntil) && { abandonment: { id: a.id, graceUntil: a.graceUntil } }),
    ...(isRecord(t) && { touchpoints: Object.fromEntries(Object.entries(t).filter(([, at]) => isTime(at))) as Touchpoints }),
  };
}

/** Every page's handed-over drafts, removed as they are read. */
function takeDrafts(win: Window | undefined): EventDraft[] {
  let keys: string[] = [];
  try {
    keys = Object.keys(win!.localStorage).filter((key) => key.startsWith(DRAFTS_KEY));
  } catch {}
  return keys.flatMap((key) => {
    const drafts = readJson(win, key);
    webStorage(win, 'localStorage').remove(key);
    return Array.isArray(drafts) ? drafts : [];
  });
}

function readJson(win: Window | undefined, key: string): unknown {
  try {
    return JSON.parse(webStorage(win, 'localStorage').read(key)!);
  } catch {}
}
