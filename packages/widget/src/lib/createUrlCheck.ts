import type { Diagnose } from '../diagnostics/createDiagnostics.js';
import type { WidgetHost } from '../types.js';
import { safeUrl } from './safeUrl.js';

/**
 * `check(url, what)`: the URL if it is http(s) or relative (see safeUrl), else undefined,
 * with one warning per unsafe value naming `what` it was (an item's image, restoreUrl),
 * worded by the diagnostics chunk.
 */
export function createUrlCheck(host: WidgetHost, diagnose: Diagnose) {
  const warned = new Set<unknown>();
  return (url: unknown, what: string) => {
    const safe = safeUrl(url, host.window.location.href);
    if (!safe && url != null && url !== '' && !warned.has(url)) {
      warned.add(url);
      diagnose(({ explainUnsafeUrl }) => host.warn('unsafe_url', explainUnsafeUrl(what, url)));
    }
    return safe;
  };
}
