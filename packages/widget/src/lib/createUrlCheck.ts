import { describeValue } from '@cartback/core';
import { safeUrl } from './safeUrl.js';
import type { WidgetHost } from '../types.js';

/**
 * `check(url, what)`: the URL if it is http(s) or relative (see safeUrl), else undefined,
 * with one warning per unsafe value naming `what` it was (an item's image, restoreUrl).
 */
export function createUrlCheck(host: WidgetHost) {
  const warned = new Set<unknown>();
  return (url: unknown, what: string) => {
    const safe = safeUrl(url, host.window.location.href);
    if (!safe && url != null && url !== '' && !warned.has(url)) {
      warned.add(url);
      host.warn(
        'unsafe_url',
        `${what} ${describeValue(url)} was dropped: only http(s) or relative URLs are used, so that a link or image cannot run script. Pass an https:// or relative URL.`,
      );
    }
    return safe;
  };
}
