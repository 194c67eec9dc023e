/** A plain object (not null, not an array): what config, items and patches must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v != null && !Array.isArray(v);
