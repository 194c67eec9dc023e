const formats = new Map<string, Intl.NumberFormat>();

/** An amount in the shop's currency and locale, e.g. "$59.97" or "¥3,000". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const key = locale + ' ' + currency;
  if (!formats.has(key)) {
    let format: Intl.NumberFormat;
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // A well-formed language tag that this browser's Intl still rejects: keep the currency.
      format = new Intl.NumberFormat('en', { style: 'currency', currency });
    }
    formats.set(key, format);
  }
  return formats.get(key)!.format(amount);
}
