import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventValidator } from './createEventValidator';
import { createRequestHandler } from './createRequestHandler';
import { resolveLimits, type CollectorLimits } from './resolveLimits';
import type { StorageOptions } from './storage/connectDatabase';
import { openDatabase, type CollectorDatabase } from './storage/openDatabase';

export interface CollectorOptions extends StorageOptions {
  limits?: Partial<CollectorLimits>;
}

export interface Collector {
  server: Server;
  /** Opens the database (creating its tables), then listens. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

/**
 * The reference collector: receives cartback batches, stores them in SQLite (or Postgres
 * given `databaseUrl`), serves a dashboard. Nothing is opened until `listen()`.
 */
export function createCollector({ limits: overrides, ...storage }: CollectorOptions): Collector {
  const limits = resolveLimits(overrides);
  // Backstops for clients too slow to finish their headers or request; a slow body gets
  // readBody's JSON 408 first.
  const server = createServer({ headersTimeout: limits.bodyTimeoutMs, requestTimeout: 2 * limits.bodyTimeoutMs });
  let db: CollectorDatabase | undefined;

  return {
    server,
    async listen(port = 0, host = '127.0.0.1') {
      db ??= await openDatabase(storage);
      server.removeAllListeners('request');
      server.on('request', createRequestHandler({ db, validator: createEventValidator(), limits }));
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ url: `http://${hostname}:${address.port}` });
        });
      });
    },
    // Node 20's close() also drops idle keep-alive connections, then waits for requests in flight.
    close: () =>
      new Promise((resolve, reject) => {
        const closeDb = () => (db ? db.close() : Promise.resolve());
        if (!server.listening) return void closeDb().then(resolve, reject);
        server.close((error) => {
          void closeDb().then(() => (error ? reject(error) : resolve()), reject);
        });
      }),
  };
}
