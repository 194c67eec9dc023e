import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface ServeStaticOptions {
  /** Extra response headers for every static file (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A small static file server for the demo and the e2e tests. `roots` are searched in order
 * (the first one holding the file wins); `routes` maps an exact pathname to a handler that
 * runs before any file lookup. Nothing is cached, so a rebuild shows up on the next reload.
 */
export function serveStatic(
  roots: string[],
  routes: Record<string, RouteHandler> = {},
  options: ServeStaticOptions = {},
): Server {
  const absoluteRoots = roots.map((root) => resolve(root));
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${String(error)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = getPathname(req.url);
    if (pathname === undefined) return send(res, 400, 'Bad request path');
    const route = routes[pathname];
    if (route) return void (await route(req, res));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed');
    }
    const file = await findFile(absoluteRoots, pathname);
    if (!file) return send(res, 404, `Not found: ${pathname}`);
    // The built files name no source map in their text (bytes for every shopper): the header does.
    const map = /\/cartback[\w-]*\.js$/.test(pathname) ? { SourceMap: `${pathname.split('/').pop()}.map` } : {};
    res.writeHead(200, {
      ...map,
      'Content-Type': contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(file.size),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...options.headers,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path).pipe(res);
  }
}

/** The decoded pathname, or undefined when it is malformed or smuggles a NUL byte. */
function getPathname(url = '/'): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
    return pathname.includes('\0') ? undefined : pathname;
  } catch {
    return undefined;
  }
}

async function findFile(roots: string[], pathname: string): Promise<{ path: string; size: number } | undefined> {
  for (const root of roots) {
    let candidate = resolve(root, `.${pathname}`);
    // `..` segments are normalised by resolve(); anything that lands outside the root is refused.
    if (candidate !== root && !candidate.startsWith(root + sep)) continue;
    let info = await stat(candidate).catch(() => undefined);
    if (info?.isDirectory()) {
      candidate = resolve(candidate, 'index.html');
      info = await stat(candidate).catch(() => undefined);
    }
    if (info?.isFile()) return { path: candidate, size: info.size };
  }
  return undefined;
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}
