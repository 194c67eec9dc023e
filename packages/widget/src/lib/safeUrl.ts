/**
 * The absolute form of a URL the store gave us, if it is safe to put in `src` or `href`:
 * http(s) only, relative ones resolved against `base`. `javascript:`, `data:` and the like,
 * non-strings and garbage give undefined. The resolved form is returned so that what we
 * checked is exactly what the browser loads.
 */
export function safeUrl(url: unknown, base: string): string | undefined {
  if (typeof url != 'string' || !url.trim()) return undefined;
  try {
    const resolved = new URL(url, base);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
