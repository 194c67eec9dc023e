/**
 * The arms a landing URL forces in this browser, for QA: `cb_arm=<experiment>:<arm>` (the
 * colon may be encoded), one parameter per experiment; `cb_arm=<experiment>:` ends the
 * forcing. The tracking file has already removed them from the address bar.
 */
export function readForcedArms(href: string): [experimentId: string, arm: string][] {
  const found: [string, string][] = [];
  for (const [, id, arm] of href.replace(/#.*/, '').matchAll(/[?&]cb_arm=([\w.-]+)(?::|%3A)([\w.-]*)/gi)) found.push([id, arm]);
  return found;
}
