import type { WidgetRecord } from './internal.js';
import { isRecord } from '@cartback/core';

/**
 * Reads the stored widget record. Anything that is not a v1 record starts fresh, and a
 * field of the wrong shape is dropped alone, so one bad field does not forget a dismissal.
 */
export function parseWidgetRecord(raw: unknown): WidgetRecord {
  const record: WidgetRecord = { v: 1 };
  if (!isRecord(raw) || raw.v !== 1) return record;
  const { shownSession, shownAt, dismissedAt, offer, bannerShownAt, bannerDismissedAt, optedOutAt } = raw;
  if (typeof shownSession == 'string') record.shownSession = shownSession;
  if (Number.isFinite(shownAt)) record.shownAt = shownAt as number;
  if (Number.isFinite(dismissedAt)) record.dismissedAt = dismissedAt as number;
  if (Number.isFinite(bannerShownAt)) record.bannerShownAt = bannerShownAt as number;
  if (Number.isFinite(bannerDismissedAt)) record.bannerDismissedAt = bannerDismissedAt as number;
  if (Number.isFinite(optedOutAt)) record.optedOutAt = optedOutAt as number;
  if (isRecord(offer) && typeof offer.code == 'string' && Number.isFinite(offer.expiresAt))
    record.offer = { code: offer.code, expiresAt: offer.expiresAt as number };
  return record;
}
