/** An error with a stable `code`, for caller mistakes and background failures alike. */
export class CartbackError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The facts of a cart mistake, which the lazy diagnostics file words in full (wordError). */
    readonly problem?: ItemProblem,
  ) {
    super('[cartback] ' + message);
  }
}

/** What is wrong with an item, a patch, an order or a consent state: the call, the field (none: the whole argument) and the value. */
export interface ItemProblem {
  call: string;
  field?: string;
  value: unknown;
  /** The cart's currency, for `currency_mismatch`. */
  currency?: string;
}

/** Renders an offending value for an error message: short, and never as markup. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = (typeof value != 'number' && JSON.stringify(value)) || String(value);
  } catch {
    text = String(value); // a bigint, or a cyclic object
  }
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}
