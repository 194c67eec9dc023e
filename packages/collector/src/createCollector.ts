import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventValidator } from './createEventValidator';
import { createRequestHandler } from './createRequestHandler';
import { openDatabase } from './openDatabase';
import { resolveLimits, type CollectorLimits } from './resolveLimits';

export interface CollectorOptions {
  /** Where `collector.sqlite` lives; created if missing. */
  dataDir: string;
  limits?: Partial<CollectorLimits>;
}

export interface Collector {
  server: Server;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/** The reference collector: receives cartback batches, stores them in SQLite, serves a dashboard. */
export function createCollector({ dataDir, limits: overrides }: CollectorOptions): Collector {
  const limits = resolveLimits(overrides);
  const db = openDatabase(dataDir);
  const server = createServer(
    // Backstops for clients too slow to finish their headers or request; a slow body gets
    // readBody's JSON 408 first.
    { headersTimeout: limits.bodyTimeoutMs, requestTimeout: 2 * limits.bodyTimeoutMs },
    createRequestHandler({ db, validator: createEventValidator(), limits }),
  );

  return {
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ url: `http://${hostname}:${address.port}` });
        });
      }),
    // Node 20's close() also drops idle keep-alive connections, then waits for requests in flight.
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => {
          db.close();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
