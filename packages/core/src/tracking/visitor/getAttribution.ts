/** A recovery touchpoint: the exit-intent modal's link, the banner's, or a link from the store's emails. */
export type Touchpoint = 'exit_intent' | 'banner' | 'link';

/** When the shopper last came through each touchpoint (ms), kept in the session record. */
export type Touchpoints = Partial<Record<Touchpoint, number>>;

/** How long a touchpoint counts toward an order: 7 days, the usual length of a recovery sequence. */
export const ATTRIBUTION_WINDOW = 7 * 24 * 60 * 60 * 1000;

export const TOUCHPOINTS: Touchpoint[] = ['exit_intent', 'banner', 'link'];

/**
 * `order_completed.attribution`: the distinct touchpoints seen within the attribution window
 * before `now`. The record comes from storage, so anything malformed in it is left out.
 */
export function getAttribution(touchpoints: unknown, now: number): Touchpoint[] {
  // Reading a field of a string or an array from a broken record is harmless: only null is not.
  const seen = (touchpoints ?? {}) as Record<string, unknown>;
  return TOUCHPOINTS.filter((name) => {
    const at = seen[name];
    return Number.isFinite(at) && now - (at as number) <= ATTRIBUTION_WINDOW;
  });
}
