import { CartbackError } from './CartbackError.js';

/** A file that did not load is tried again after this long, doubling up to RETRY_MAX. */
const RETRY_FIRST = 2000;
const RETRY_MAX = 60_000;

/**
 * Loads a lazy file once, on the first `load()`. A load that fails (offline, a flaky network,
 * a deploy that removed the file) is reported (`chunk_failed`) and tried again: 2 s later,
 * doubling up to a minute, at the next `load()`, and at once when the browser is back online.
 * `load()` meanwhile resolves to undefined. Nothing is listened to before a failure.
 */
export function createChunkLoader<T>(what: string, load: () => Promise<T>, report: (error: CartbackError) => void, win?: Window) {
  let loading: Promise<T | undefined> | undefined;
  let retryIn = RETRY_FIRST;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const get = (): Promise<T | undefined> =>
    (loading ??= load().catch((error) => {
      loading = undefined;
      report(new CartbackError('chunk_failed', `${what} did not load (${error}); trying again`));
      if (!stopped) {
        clearTimeout(timer);
        timer = setTimeout(get, retryIn);
        retryIn = Math.min(retryIn * 2, RETRY_MAX);
        win?.addEventListener('online', retryOnline, { once: true });
      }
      return undefined;
    }));
  const retryOnline = () => stopped || get();
  return {
    load: get,
    /** The file loading, or loaded; undefined before the first `load()`. */
    current: () => loading,
    /** No retry after this. */
    stop() {
      stopped = true;
      clearTimeout(timer);
      win?.removeEventListener('online', retryOnline);
    },
  };
}
