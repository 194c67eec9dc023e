/** Network errors, timeouts, rate limits and server errors are worth retrying; other 4xx never succeed. */
export const isRetryable = (status: number | 'network'): boolean =>
  status === 'network' || status === 408 || status === 429 || status >= 500;

/**
 * Milliseconds to wait before retry number `attempt` (0-based): 1 s doubling, capped at
 * 5 min, times a jitter factor in [0.5, 1) so that many shoppers' tabs hit by the same
 * outage do not retry in lockstep. A `Retry-After` (seconds or an HTTP date) is the
 * server telling us when it can take traffic again, so it wins, within [0, 1 h].
 */
export function getRetryDelay(attempt: number, random: () => number, retryAfter?: string | null, now = Date.now()): number {
  if (retryAfter) {
    const ms = /^\s*\d+\s*$/.test(retryAfter) ? +retryAfter * 1000 : Date.parse(retryAfter) - now;
    if (!isNaN(ms)) return Math.min(Math.max(ms, 0), 3_600_000); // unparseable: fall back to backoff
  }
  return Math.min(1000 * 2 ** attempt, 300_000) * (0.5 + random() / 2);
}
