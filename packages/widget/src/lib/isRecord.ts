/** A plain object (not null, not an array). Core has the same one, but not in its public API. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v != null && !Array.isArray(v);
