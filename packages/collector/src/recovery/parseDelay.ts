const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30s", "15m", "1h", "3d" in milliseconds, or undefined for anything else. */
export function parseDelay(text: string): number | undefined {
  const match = /^(\d+)(s|m|h|d)$/.exec(text);
  return match ? Number(match[1]) * units[match[2]!]! : undefined;
}
