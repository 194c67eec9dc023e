import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../examples/serveStatic';
import { listenLocally } from './listenLocally';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cartbackDistDir = resolve(repoRoot, 'packages/cartback/dist');
export const fixturesDir = resolve(repoRoot, 'e2e/fixtures');

export interface Site {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** Every body POSTed to /events, parsed, in arrival order. */
  received: unknown[];
  /** Where /events also forwards each body (a real collector), answering with its status; unset: 204. */
  forwardTo?: string;
  close(): Promise<void>;
}

/**
 * The built SDK (packages/cartback/dist) and the fixture pages (e2e/fixtures) on one
 * origin, plus a /events endpoint that answers 204 and keeps what it was sent. The
 * packages' own dist files are there too, as `/core/dist/index.js` and so on, for pages
 * that import a package's ESM the way a shop's bundle would (with their dependencies from
 * node_modules, as `/idb-keyval/dist/index.js`).
 */
export async function startSite(): Promise<Site> {
  if (!existsSync(resolve(cartbackDistDir, 'cartback.js'))) {
    throw new Error(`${cartbackDistDir}/cartback.js is missing: run \`npm run build\` before the e2e tests.`);
  }
  const received: unknown[] = [];
  const site = { received } as Site;
  const server = serveStatic([cartbackDistDir, fixturesDir, resolve(repoRoot, 'packages'), resolve(repoRoot, 'node_modules')], {
    '/events': (req, res) => {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          received.push(JSON.parse(text));
        } catch {
          received.push(text);
        }
        if (!site.forwardTo) return void res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
        fetch(site.forwardTo, { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: text }).then(
          (answer) => res.writeHead(answer.status, { 'Cache-Control': 'no-store' }).end(),
          () => res.writeHead(502).end(),
        );
      });
    },
  });
  return Object.assign(site, await listenLocally(server));
}
