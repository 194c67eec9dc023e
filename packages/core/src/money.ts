// Totals are computed in integer minor units (cents), so 3 × 19.99 + 5.01 is exactly 64.98.

// ISO 4217 currencies whose minor unit is not 2 digits. Intl could tell us, but this
// table is smaller than the code that asks it, and the list changes once a decade.
const ZERO_DIGITS = /^(BIF|CLP|DJF|GNF|ISK|JPY|KMF|KRW|PYG|RWF|UGX|UYI|VND|VUV|XAF|XOF|XPF)$/;
const THREE_DIGITS = /^(BHD|IQD|JOD|KWD|LYD|OMR|TND)$/;

export function getCurrencyDigits(currency: string): number {
  return ZERO_DIGITS.test(currency) ? 0 : THREE_DIGITS.test(currency) ? 3 : 2;
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** getCurrencyDigits(currency));
}

export function fromMinor(minor: number, currency: string): number {
  // Division of an integer by a power of ten gives the nearest double to the decimal.
  return minor / 10 ** getCurrencyDigits(currency);
}
