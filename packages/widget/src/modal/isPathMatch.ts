/**
 * Whether a URL path matches a targeting pattern like `/checkout*` or `/products/*`: `*`
 * stands for any run of characters, everything else is literal, and the whole path must match.
 */
export function isPathMatch(pattern: string, path: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp('^' + source + '$').test(path);
}
