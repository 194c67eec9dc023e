import type { Server } from 'node:http';

/** A test server listening on 127.0.0.1 at a port the system picked, and how to stop it. */
export interface LocalServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1 at a free port; `close()` drops open connections too. */
export function listenLocally(server: Server): Promise<LocalServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || !address) return reject(new Error('server has no address'));
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
