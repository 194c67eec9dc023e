import type { CartbackEvent } from './events.js';
import { HANDOFF_KEY, webStorage } from './webStorage.js';

/**
 * What a closing page hands to the next page of the store through localStorage, which is
 * synchronous: IndexedDB writes started by a page that is going away may be cut off
 * (Chromium aborts them). `events` are its unconfirmed events, `abandonmentId` the
 * abandonment its session ended with (so the next page knows the shopper left).
 */
export interface HandOver {
  events: CartbackEvent[];
  abandonmentId?: string;
}

/** Adds to what is handed over (several tabs may close before the next page opens). */
export function handOver(win: Window | undefined, { events, abandonmentId }: HandOver): void {
  const kept = takeHandOver(win);
  const next: HandOver = { events: [...kept.events, ...events].slice(-100), abandonmentId: abandonmentId ?? kept.abandonmentId };
  webStorage(win, 'localStorage', HANDOFF_KEY, JSON.stringify(next));
}

/** Reads and removes what was handed over; nothing (or something unreadable) gives no events. */
export function takeHandOver(win: Window | undefined): HandOver {
  const raw = webStorage(win, 'localStorage', HANDOFF_KEY);
  webStorage(win, 'localStorage', HANDOFF_KEY, null);
  try {
    const value = JSON.parse(raw!) as HandOver;
    if (Array.isArray(value.events)) return value;
  } catch {}
  return { events: [] };
}
