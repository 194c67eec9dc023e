import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HandlerDeps } from '../handleEvents';
import { HttpError } from '../HttpError';
import { dashboardHeaders } from '../loadDashboard';
import { sendJson } from '../sendJson';
import { readExperimentRows } from './readExperimentRows';
import { summarizeExperiments } from './summarizeExperiments';
import type { ResultOptions } from './types';
import { toResultsCsv } from './toResultsCsv';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

const DAY = 24 * 60 * 60 * 1000;
/** `/api/experiments/<id>` (routes are looked up by exact path; this one by its prefix). */
export const EXPERIMENT_PATH = '/api/experiments/';

/**
 * The experiments' routes: `GET /api/experiments` (every experiment's results), `GET
 * /api/experiments/<id>` (one, as JSON or with `?format=csv` as CSV), and the dashboard page
 * `/experiments.html` with its script (chart.js is the dashboard's, `/vendor/chart.umd.min.js`).
 * `?windowDays=` sets the attribution window.
 */
export function experimentRoutes(deps: HandlerDeps): Record<string, Record<string, Handler>> {
  const results = async (url: URL) => summarizeExperiments(await readExperimentRows(deps.db), readOptions(url));
  const file = (contentType: string, body: Buffer): Record<string, Handler> => ({
    GET: (_req, res) => {
      res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': body.length, ...dashboardHeaders });
      res.end(body);
    },
  });
  const read = (name: string) => readFileSync(new URL(`../../public/${name}`, import.meta.url));
  return {
    '/api/experiments': { GET: async (_req, res, url) => sendJson(res, 200, { experiments: await results(url) }) },
    [EXPERIMENT_PATH]: {
      GET: async (_req, res, url) => {
        const id = decodeURIComponent(url.pathname.slice(EXPERIMENT_PATH.length));
        const result = (await results(url)).find((experiment) => experiment.id == id);
        if (!result) throw new HttpError(404, `No exposures of experiment ${JSON.stringify(id)} yet. GET /api/experiments lists the experiments with exposures.`);
        const format = url.searchParams.get('format') ?? 'json';
        if (format == 'json') return sendJson(res, 200, result);
        if (format != 'csv') throw new HttpError(400, `format must be json or csv (${format}).`);
        const body = Buffer.from(toResultsCsv(result));
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Length': body.length,
          'Content-Disposition': `attachment; filename="experiment-${id.replace(/[^\w.-]/g, '_')}.csv"`,
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
    },
    '/experiments.html': file('text/html; charset=utf-8', read('experiments.html')),
    '/experiments.js': file('text/javascript; charset=utf-8', read('experiments.js')),
  };
}

function readOptions(url: URL): ResultOptions {
  const raw = url.searchParams.get('windowDays');
  if (raw === null) return {};
  const days = Number(raw);
  if (!(days > 0 && days <= 90)) throw new HttpError(400, `windowDays must be a number of days from 0 to 90 (${raw}).`);
  return { attributionWindowMs: days * DAY };
}
