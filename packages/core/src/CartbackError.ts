/** An error with a stable `code`, for caller mistakes and background failures alike. */
export class CartbackError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super('[cartback] ' + message);
    this.name = 'CartbackError';
  }
}

/** Renders an offending value for an error message: short, and never as markup. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || value == null) return String(value);
  if (typeof value === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}
