import type { StoredEvent } from './startCollector';
import type { RecordedRequest } from './startFlakyEndpoint';

export interface DeliveryReport {
  /** POST requests that reached the endpoint (fetch and beacon alike). */
  requests: number;
  /** Event ids sent, counting every resend. */
  sent: number;
  /** Distinct event ids sent. */
  unique: number;
  /** Resends of an id already sent (the at-least-once cost). */
  duplicates: number;
  /** Events the collector stored. */
  stored: number;
}

/** The ids of every event POSTed, in order, with repeats. */
export function sentIds(requests: RecordedRequest[]): string[] {
  return requests.filter((r) => r.method === 'POST').flatMap((r) => r.events.map((e) => e.id));
}

/** Sent vs stored vs duplicates, for the log and for assertions. */
export function reportDelivery(requests: RecordedRequest[], stored: StoredEvent[]): DeliveryReport {
  const ids = sentIds(requests);
  const unique = new Set(ids).size;
  return {
    requests: requests.filter((r) => r.method === 'POST').length,
    sent: ids.length,
    unique,
    duplicates: ids.length - unique,
    stored: stored.length,
  };
}

/** How many times each id occurs in `ids`, keeping only those seen more than once. */
export function repeatedIds(ids: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 1));
}
