import { TOUCHPOINTS, type Touchpoint } from './getAttribution.js';

// The parameters: `cb_source=exit_intent` or `cb_source=banner` on the widget's links, and
// `cb_recover=<abandonmentId>` on the store's recovery emails and messages (a `link`). Also
// removed: `cb_arm`, which forces an experiment's arm (read by readForcedArms).
const PARAMS = /[?&]cb_(source|recover|arm)=([^&]*)/g;

/**
 * The touchpoints a landing URL names, and the URL without cartback's parameters (for
 * `history.replaceState`). Every other parameter and the hash are kept exactly as written,
 * where a URLSearchParams round trip would re-encode them (`+`, `%3A`, a bare `?flag`).
 */
export function readTouchpointParams(href: string): { found: Touchpoint[]; href: string } {
  const found: string[] = [];
  const stripped = href.replace(/^[^#]*/, (head) =>
    head.replace(PARAMS, (match, name: string, value: string) => {
      found.push(name == 'recover' ? 'link' : value);
      return match[0] == '?' ? '?' : ''; // the first parameter: what followed it moves up
    }),
  );
  return {
    found: found.filter((name): name is Touchpoint => TOUCHPOINTS.includes(name as Touchpoint)),
    href: found.length ? stripped.replace(/\?(&|$|#)/, (_, next: string) => (next == '&' ? '?' : next)) : href,
  };
}
