const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Time left as `mm:ss`, or `h:mm:ss` from an hour up. Seconds are rounded up, so the
 * display reads 00:00 only when the offer has really expired.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const mmss = pad(Math.floor(total / 60) % 60) + ':' + pad(total % 60);
  return h ? h + ':' + mmss : mmss;
}
