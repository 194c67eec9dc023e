import { createServer, type RequestListener } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from '../../examples/serveStatic';
import { cartbackDistDir, fixturesDir } from './startSite';
import { listenLocally } from './listenLocally';

export interface Store {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** `window.cartbackConfig` for the next page loads (served as /store-config.js). */
  config: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * The store fixture pages (e2e/fixtures/store) and the built SDK on one origin; the SDK config
 * comes from an external script, so the pages need no inline script under their CSP. Any
 * request with `?delay=<ms>` is answered that much later.
 */
export async function startStore(): Promise<Store> {
  const store: Store = { url: '', config: {}, close: async () => {} };
  const files = serveStatic(
    [resolve(fixturesDir, 'store'), cartbackDistDir],
    {
      '/store-config.js': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(`window.cartbackConfig = ${JSON.stringify(store.config)};\n`);
      },
    },
    // `no-store` on a document keeps Chromium from putting it in the back/forward cache.
    { headers: { 'Cache-Control': 'no-cache' } },
  );
  // `?delay=ms` holds a response back, for a network that is not instant.
  const serveFiles = files.listeners('request')[0] as RequestListener;
  const server = createServer((req, res) => {
    const delay = Number(new URL(req.url ?? '/', 'http://store.invalid').searchParams.get('delay')) || 0;
    setTimeout(() => serveFiles(req, res), Math.min(delay, 5_000));
  });
  Object.assign(store, await listenLocally(server));
  return store;
}
