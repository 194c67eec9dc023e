import { fnv1a32 } from './fnv1a32.js';

/**
 * Where a visitor falls in an experiment: one of 10,000 buckets, as a number in [0, 1) with
 * four decimals. GrowthBook's hash version 2: the hash of the seed and the id is hashed
 * again, so that experiments with similar seeds do not split visitors alike.
 */
export function getBucket(seed: string, anonymousId: string): number {
  return (fnv1a32(String(fnv1a32(seed + anonymousId))) % 10000) / 10000;
}
