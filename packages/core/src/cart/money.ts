// Totals are computed in integer minor units (cents), so 3 × 19.99 + 5.01 is exactly 64.98.

const digits = new Map<string, number>();

/** Digits of the currency's minor unit (JPY 0, EUR 2, KWD 3), as the browser's Intl knows them. */
export function getCurrencyDigits(currency: string): number {
  if (!digits.has(currency))
    digits.set(currency, new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
  return digits.get(currency)!;
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** getCurrencyDigits(currency));
}

export function fromMinor(minor: number, currency: string): number {
  // Division of an integer by a power of ten gives the nearest double to the decimal.
  return minor / 10 ** getCurrencyDigits(currency);
}
