import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { checkReadAccess } from './checkReadAccess';
import { createRateLimiter } from './createRateLimiter';
import { EXPERIMENT_PATH, experimentRoutes } from './experiments/experimentRoutes';
import { handleEvents, type HandlerDeps } from './handleEvents';
import { handleRestoreLink, handleUnsubscribe, type LinkDeps } from './recovery/handleRecoveryLinks';
import { HttpError } from './HttpError';
import { dashboardHeaders, loadDashboard } from './loadDashboard';
import { sendJson } from './sendJson';
import { readFunnel } from './storage/readFunnel';
import type { WebhookDispatcher } from './webhooks/createWebhookDispatcher';

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

export interface RequestHandlerDeps extends HandlerDeps {
  recovery?: LinkDeps;
  /** Required on the dashboard and /api/* when set (see checkReadAccess). */
  readToken?: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For's last hop. */
  trustProxy?: boolean;
  webhooks?: WebhookDispatcher;
}

export function createRequestHandler(deps: RequestHandlerDeps): RequestListener {
  const limiter = createRateLimiter({ perSecond: deps.limits.ratePerSecond, burst: deps.limits.rateBurst });
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
      GET: async (_req, res, url) =>
        sendJson(res, 200, {
          events: await deps.db.recentEvents(readLimit(url), url.searchParams.get('type') ?? undefined),
        }),
    },
    '/api/carts/abandoned': {
      GET: async (_req, res, url) => sendJson(res, 200, { carts: await deps.db.abandonedCarts(readLimit(url)) }),
    },
    '/api/stats': { GET: async (_req, res) => sendJson(res, 200, await deps.db.stats()) },
    '/api/funnel': { GET: async (_req, res) => sendJson(res, 200, await readFunnel(deps.db)) },
    '/api/emails': {
      GET: async (_req, res, url) => {
        const jobs = deps.recovery ? await deps.recovery.engine.store.listJobs(readLimit(url)) : [];
        sendJson(res, 200, {
          emails: jobs.map((job) => ({
            id: job.id, sequence: job.sequence, step: job.step, email: job.email, status: job.status,
            dueAt: job.due_at, sentAt: job.sent_at, clickedAt: job.clicked_at, detail: job.detail,
          })),
        });
      },
    },
    '/api/email-preview': {
      GET: async (_req, res, url) => {
        const job = deps.recovery && (await deps.recovery.engine.store.findJob(url.searchParams.get('id') ?? ''));
        if (!deps.recovery || !job) throw new HttpError(404, 'No such email. Take an id from GET /api/emails.');
        const { html } = deps.recovery.engine.render(job);
        // The email as the shopper sees it; its own policy: images and inline styles, no script.
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
          'Cache-Control': 'no-store',
        });
        res.end(html);
      },
    },
    '/api/webhooks': {
      GET: async (_req, res) => sendJson(res, 200, deps.webhooks ? await deps.webhooks.summary() : { counts: {}, failed: [] }),
    },
    ...Object.fromEntries([...dashboard.keys()].map((path) => [path, { GET: serveFile }])),
    ...experimentRoutes(deps),
  };
  // Routes with a token in the path, present when recovery emails are configured.
  const recovery = deps.recovery;
  const prefixRoutes: Record<string, Record<string, Handler>> = recovery
    ? {
        '/r/': { GET: (req, res, url) => handleRestoreLink(req, res, url, recovery) },
        '/u/': {
          GET: (req, res, url) => handleUnsubscribe(req, res, url, recovery),
          POST: (req, res, url) => handleUnsubscribe(req, res, url, recovery),
        },
      }
    : {};

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Only the ingest route is open to every origin. The read APIs carry shoppers' data
    // (emails, carts) and must not be readable by other sites in the browser of whoever
    // runs the dashboard.
    if (url.pathname === '/events') for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);

    const methods =
      routes[url.pathname] ?? prefixRoutes[url.pathname.slice(0, 3)] ?? (url.pathname.startsWith(EXPERIMENT_PATH) ? routes[EXPERIMENT_PATH] : undefined);
    const isRead = url.pathname.startsWith('/api/') || dashboard.has(url.pathname);
    if (isRead && !checkReadAccess(req, deps.readToken)) {
      return sendJson(res, 401, { error: 'This collector requires its read token. Send Authorization: Bearer <token>, or log in with it as the password.' }, {
        'WWW-Authenticate': 'Basic realm="cartback collector", charset="UTF-8"',
      });
    }
    if (url.pathname === '/events' && req.method === 'POST') {
      const wait = limiter.take(clientAddress(req, deps.trustProxy));
      if (wait > 0) {
        return sendJson(res, 429, { error: `Too many requests from this address. Retry after ${wait} s.` }, { 'Retry-After': String(wait), Connection: 'close' });
      }
    }
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

function clientAddress(req: IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
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
