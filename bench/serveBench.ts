import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { listenLocally, type LocalServer } from '../e2e/support/listenLocally';

const repo = resolve(import.meta.dirname, '..');

/** URL prefixes and the folders they serve: the built SDK, the peers' browser builds. */
const folders = (dist: string): Array<[string, string]> => [
  ['/dist/', resolve(dist)],
  // Segment loads its chunks from `<cdnURL>/analytics-next/bundles/`: the package's own.
  ['/segment/analytics-next/bundles/', resolve(repo, 'node_modules/@segment/analytics-next/dist/umd')],
  ['/nm/', resolve(repo, 'node_modules')],
];

/**
 * The bench's pages (`/page/<n>` → `pages[n]`, and `/warm`, an empty page of the same origin) and files on 127.0.0.1 at a free port. Every
 * POST (cartback's events, the peers' beacons) gets a 204; other unknown URLs a 404, at once.
 */
export function serveBench(pages: string[], dist = resolve(repo, 'packages/cartback/dist')): Promise<LocalServer> {
  const FOLDERS = folders(dist);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method == 'POST') return void res.writeHead(204).end();
    if (path == '/warm') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>warm</title>');
    const page = /^\/page\/(\d+)$/.exec(path);
    if (page && pages[Number(page[1])]) return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[Number(page[1])]);
    const folder = FOLDERS.find(([prefix]) => path.startsWith(prefix));
    const file = folder && resolve(folder[1], '.' + path.slice(folder[0].length - 1));
    if (!file || !file.startsWith(folder[1])) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      const type = /\.m?js$/.test(file) ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return listenLocally(server);
}
