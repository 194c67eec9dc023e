/** Clients send any RFC 3339 offset; one form makes times comparable as text. */
export function toUtc(time: string): string {
  const ms = Date.parse(time);
  // A leap second (":60") passes the schema but not Date.parse; keep it as sent.
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}
