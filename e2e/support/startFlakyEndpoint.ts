import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that reached the front, as the browser sent it. */
export interface RecordedRequest {
  at: number;
  method: string;
  contentType: string;
  /** Body size in bytes, as it went over the wire. */
  bytes: number;
  body: string;
  /** The events of a cartback batch body (empty when the body is not one). */
  events: Array<{ id: string; type: string; [field: string]: unknown }>;
  /** What the front answered. */
  status: number;
}

export interface FlakyEndpoint {
  /** Give this to the SDK as `endpoint`. */
  url: string;
  /** Every request, in arrival order (OPTIONS and GET too: "no request at all" means none). */
  requests: RecordedRequest[];
  /** The next `count` POSTs are answered `status` (with `headers`); later ones go through. */
  fail(count: number, status: number, headers?: Record<string, string>): void;
  /** Every POST is answered `status` until `up()`. */
  down(status?: number): void;
  up(): void;
  close(): Promise<void>;
}

// Retry-After is not a CORS-safelisted response header: a cross-origin page cannot read it
// unless the endpoint exposes it.
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Expose-Headers': 'Retry-After',
};

/**
 * A fault-injecting front for the collector on 127.0.0.1:0: it records every request, answers
 * the POSTs it is told to fail, and forwards the rest to `target` (the collector's /events).
 */
export async function startFlakyEndpoint(target: string): Promise<FlakyEndpoint> {
  const requests: RecordedRequest[] = [];
  let failures: Array<{ status: number; headers: Record<string, string> }> = [];
  let downStatus: number | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const record: RecordedRequest = {
      at: Date.now(),
      method: req.method ?? '',
      contentType: req.headers['content-type'] ?? '',
      bytes: raw.length,
      body: raw.toString('utf8'),
      events: parseEvents(raw.toString('utf8')),
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, body = '', headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { ...cors, 'Cache-Control': 'no-store', ...headers }).end(body);
    };
    if (req.method === 'OPTIONS') return answer(204);
    if (req.method !== 'POST') return answer(405, '', { Allow: 'POST, OPTIONS' });
    const failure = downStatus !== undefined ? { status: downStatus, headers: {} } : failures.shift();
    if (failure) return answer(failure.status, '{"error":"injected failure"}', failure.headers);
    const forwarded = await fetch(target, { method: 'POST', headers: { 'Content-Type': record.contentType }, body: raw });
    answer(forwarded.status, await forwarded.text(), { 'Content-Type': 'application/json' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, cors).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/events`,
    requests,
    fail(count, status, headers = {}) {
      failures = Array.from({ length: count }, () => ({ status, headers }));
    },
    down(status = 503) {
      downStatus = status;
    },
    up() {
      downStatus = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseEvents(body: string): RecordedRequest['events'] {
  try {
    const parsed = JSON.parse(body) as { events?: unknown };
    return Array.isArray(parsed.events) ? (parsed.events as RecordedRequest['events']) : [];
  } catch {
    return [];
  }
}
