export interface CollectorLimits {
  /** Largest request body, counted while streaming; beyond it the request gets a 413. */
  maxBodyBytes: number;
  /** Most events in one batch; beyond it the request gets a 413 asking to split. */
  maxEvents: number;
  /** Longest string (value or property name) in an event; a longer one rejects that event. */
  maxStringLength: number;
  /** Deepest nesting in an event; bounds the work (and stack) spent on hostile input. */
  maxDepth: number;
  /** Time allowed for the body to arrive once the headers have; then a 408. */
  bodyTimeoutMs: number;
  /** POST /events per client address: sustained requests per second... */
  ratePerSecond: number;
  /** ...and how many at once; beyond them a 429 with Retry-After (the SDK honours it). */
  rateBurst: number;
}

export const defaultLimits: CollectorLimits = {
  maxBodyBytes: 1024 * 1024,
  maxEvents: 500,
  // Well above what the SDK sends: it cuts URLs to 1,024 characters and other strings to 256,
  // and keeps every event within 16 KiB (capEvent), so a beacon's 64,000-byte body always fits.
  maxStringLength: 8 * 1024,
  maxDepth: 32,
  bodyTimeoutMs: 10_000,
  // A shopper's SDK sends a batch every few seconds at most; a shared office address or a
  // proxy without trustProxy may send far more, hence the generous figures.
  ratePerSecond: 20,
  rateBurst: 100,
};

/** Fills in defaults and rejects nonsense early, naming the option. */
export function resolveLimits(limits: Partial<CollectorLimits> = {}): CollectorLimits {
  const resolved = { ...defaultLimits, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`[cartback collector] limits.${name} must be a positive integer (${String(value)}).`);
    }
  }
  return resolved;
}
