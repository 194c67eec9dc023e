import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { EXPERIMENT_PATH, experimentRoutes } from './experiments/experimentRoutes';
import { handleEvents, type HandlerDeps } from './handleEvents';
import { HttpError } from './HttpError';
import { dashboardHeaders, loadDashboard } from './loadDashboard';
import { sendJson } from './sendJson';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
  // A cross-origin script sees only safelisted response headers: expose Retry-After so the
  // SDK can honour it when this collector (or a proxy in front of it) asks for a pause.
  'Access-Control-Expose-Headers': 'Retry-After',
};
const maxListLimit = 500;

export function createRequestHandler(deps: HandlerDeps): RequestListener {
  const dashboard = loadDashboard();
  const serveFile: Handler = (_req, res, url) => {
    const file = dashboard.get(url.pathname)!;
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length, ...dashboardHeaders });
    res.end(file.body);
  };

  const routes: Record<string, Record<string, Handler>> = {
    '/events': {
      POST: (req, res) => handleEvents(req, res, deps),
      // The SDK sends text/plain and needs no preflight; answered for clients that add headers.
      OPTIONS: (_req, res) => void res.writeHead(204).end(),
    },
    '/health': { GET: (_req, res) => sendJson(res, 200, { ok: true }) },
    '/api/events': {
      GET: (_req, res, url) =>
        sendJson(res, 200, {
          events: deps.db.recentEvents(readLimit(url), url.searchParams.get('type') ?? undefined),
        }),
    },
    '/api/carts/abandoned': {
      GET: (_req, res, url) => sendJson(res, 200, { carts: deps.db.abandonedCarts(readLimit(url)) }),
    },
    '/api/stats': { GET: (_req, res) => sendJson(res, 200, deps.db.stats()) },
    ...Object.fromEntries([...dashboard.keys()].map((path) => [path, { GET: serveFile }])),
    ...experimentRoutes(deps),
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Only the ingest route is open to every origin. The read APIs carry shoppers' data
    // (emails, carts) and must not be readable by other sites in the browser of whoever
    // runs the dashboard.
    if (url.pathname === '/events') for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);

    const methods = routes[url.pathname] ?? (url.pathname.startsWith(EXPERIMENT_PATH) ? routes[EXPERIMENT_PATH] : undefined);
    const handler = methods?.[req.method ?? ''];
    Promise.resolve()
      .then(() => {
        if (!methods) throw new HttpError(404, `No route for ${url.pathname}. Send events to POST /events.`);
        if (!handler) {
          res.setHeader('Allow', Object.keys(methods).join(', '));
          throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}.`);
        }
        return handler(req, res, url);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
        console.error('[cartback collector] request failed', error);
        sendJson(res, 500, { error: 'The collector failed to handle the request; it has been logged. Retry later.' });
      });
  };
}

function readLimit(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return 50;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
    throw new HttpError(400, `limit must be an integer from 1 to ${maxListLimit} (${raw}).`);
  }
  return limit;
}
