export interface RateLimiter {
  /** Takes one request from `client`'s bucket: 0 when allowed, else the seconds to wait. */
  take(client: string, nowMs?: number): number;
}

/**
 * A token bucket per client address: `burst` requests at once, refilled at `perSecond`. One
 * flooding address is refused (429) without slowing anyone else. Full buckets are forgotten,
 * so memory stays bounded by the addresses active in the last few seconds.
 */
export function createRateLimiter({ perSecond, burst }: { perSecond: number; burst: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (bucket: { tokens: number; at: number }, nowMs: number) =>
    Math.min(burst, bucket.tokens + ((nowMs - bucket.at) / 1000) * perSecond);

  return {
    take(client, nowMs = Date.now()) {
      if (buckets.size > 10_000) {
        for (const [key, bucket] of buckets) if (refill(bucket, nowMs) >= burst) buckets.delete(key);
      }
      const bucket = buckets.get(client) ?? { tokens: burst, at: nowMs };
      const tokens = refill(bucket, nowMs);
      if (tokens < 1) return Math.ceil((1 - tokens) / perSecond);
      buckets.set(client, { tokens: tokens - 1, at: nowMs });
      return 0;
    },
  };
}
