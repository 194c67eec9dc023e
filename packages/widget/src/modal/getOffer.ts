import type { OfferOptions, SavedOffer } from '../internal.js';

/** An offer as the modal shows it; `expiresAt` only if it really expires. */
export interface ShownOffer {
  code: string;
  percentOff?: number;
  expiresAt?: number;
}

/**
 * The offer to show now, and the one to keep in the record. An expiring offer's deadline is
 * set at its first show and then read back from the record, so a reload never restarts
 * the countdown; once past it the offer is not shown at all.
 */
export function getOffer(
  options: OfferOptions | undefined,
  saved: SavedOffer | undefined,
  now: number,
): { shown?: ShownOffer; saved?: SavedOffer } {
  if (!options) return { saved };
  const { code, percentOff, validFor } = options;
  if (!validFor) return { saved, shown: { code, percentOff } };
  if (saved?.code !== code) saved = { code, expiresAt: now + validFor };
  return { saved, shown: saved.expiresAt > now ? { code, percentOff, expiresAt: saved.expiresAt } : undefined };
}
