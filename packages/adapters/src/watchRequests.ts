/**
 * Calls `onDone` after each `fetch` or `XMLHttpRequest` of the page whose URL `matches`, once
 * its response has arrived (or it failed). The page's requests and responses pass through
 * untouched: the same arguments go to the browser's own functions, and the page gets the very
 * Response (or XHR) it would have got; nothing is read from it. The returned function puts the
 * browser's functions back, or, if another script wrapped them since, turns ours into a plain
 * pass-through.
 */
export function watchRequests(page: Window, matches: (url: URL) => boolean, onDone: () => void): () => void {
  const win = page as Window & typeof globalThis;
  let on = true;
  const test = (input: unknown) => {
    try {
      const url = new URL(input instanceof win.Request ? input.url : String(input), win.location.href);
      return on && url.origin == win.location.origin && matches(url);
    } catch {
      return false;
    }
  };
  const after = () => setTimeout(onDone);

  const fetch = win.fetch;
  const watchedFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    // The same `this` and arguments, so the call behaves exactly as the page wrote it.
    const response = fetch.apply(this, args);
    if (test(args[0])) response.then(after, after);
    return response;
  };
  const XHR = win.XMLHttpRequest?.prototype;
  const open = XHR?.open;
  const watchedOpen = function (this: XMLHttpRequest, ...args: unknown[]) {
    if (test(args[1])) this.addEventListener('loadend', after, { once: true });
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as typeof XHR.open;

  win.fetch = watchedFetch;
  if (XHR) XHR.open = watchedOpen;
  return () => {
    on = false;
    if (win.fetch === watchedFetch) win.fetch = fetch;
    if (XHR?.open === watchedOpen) XHR.open = open!;
  };
}
