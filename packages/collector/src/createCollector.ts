import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { isLoopback } from './checkReadAccess';
import { createEventValidator } from './createEventValidator';
import { createRequestHandler } from './createRequestHandler';
import { createRecoveryEngine, type RecoveryEngine } from './recovery/createRecoveryEngine';
import type { RecoveryConfig } from './recovery/recoveryConfig';
import { resolveLimits, type CollectorLimits } from './resolveLimits';
import { createWebhookDispatcher, type WebhookDispatcher } from './webhooks/createWebhookDispatcher';
import type { WebhookConfig } from './webhooks/loadWebhooks';
import type { StorageOptions } from './storage/connectDatabase';
import { openDatabase, type CollectorDatabase } from './storage/openDatabase';

export interface CollectorOptions extends StorageOptions {
  limits?: Partial<CollectorLimits>;
  /** Protects the dashboard and /api/*; required to listen beyond loopback. */
  readToken?: string;
  /** Behind a reverse proxy: rate-limit by X-Forwarded-For's last hop. */
  trustProxy?: boolean;
  /** Recovery emails: off without a config (loadRecoveryConfig reads and checks one). */
  recovery?: {
    config: RecoveryConfig;
    /** Defaults to SMTP at config.smtpUrl. */
    transport?: Pick<Transporter, 'sendMail'>;
    /** The clock; tests pass their own. */
    now?: () => Date;
    /** How often due emails are looked for (default 10 s); 0 leaves ticking to the caller (tests). */
    intervalMs?: number;
  };
  /** Forward events to these URLs (loadWebhooks reads and checks them). */
  webhooks?: {
    list: WebhookConfig[];
    now?: () => Date;
    /** How often due deliveries are looked for (default 5 s); 0 leaves ticking to the caller (tests). */
    intervalMs?: number;
  };
}

export interface Collector {
  server: Server;
  /** Opens the database (creating its tables), starts the recovery engine if configured, then listens. */
  listen(port?: number, host?: string): Promise<{ url: string }>;
  /** The recovery engine once listening, when configured. */
  readonly recovery: RecoveryEngine | undefined;
  /** The webhook dispatcher once listening, when configured. */
  readonly webhooks: WebhookDispatcher | undefined;
  close(): Promise<void>;
}

/**
 * The reference collector: receives cartback batches, stores them in SQLite (or Postgres
 * given `databaseUrl`), serves a dashboard. Nothing is opened until `listen()`.
 */
export function createCollector({ limits: overrides, recovery: recoveryOptions, webhooks: webhookOptions, readToken, trustProxy, ...storage }: CollectorOptions): Collector {
  const limits = resolveLimits(overrides);
  // Backstops for clients too slow to finish their headers or request; a slow body gets
  // readBody's JSON 408 first.
  const server = createServer({ headersTimeout: limits.bodyTimeoutMs, requestTimeout: 2 * limits.bodyTimeoutMs });
  let db: CollectorDatabase | undefined;
  let recovery: RecoveryEngine | undefined;
  let webhooks: WebhookDispatcher | undefined;
  /** The SMTP pool this collector opened (not one passed in): closed with it. */
  let ownTransport: Transporter | undefined;

  return {
    server,
    get recovery() {
      return recovery;
    },
    get webhooks() {
      return webhooks;
    },
    async listen(port = 0, host = '127.0.0.1') {
      if (!readToken && !isLoopback(host)) {
        throw new TypeError(
          `[cartback collector] Refusing to listen on ${host} without a read token: the dashboard and /api/* show shoppers' emails and carts. Set CARTBACK_READ_TOKEN (readToken) to a long random string, or listen on 127.0.0.1.`,
        );
      }
      db ??= await openDatabase(storage);
      if (recoveryOptions && !recovery) {
        const { config, now, intervalMs = 10_000 } = recoveryOptions;
        const transport = recoveryOptions.transport ?? (ownTransport = nodemailer.createTransport(withPool(config.smtpUrl)));
        recovery = createRecoveryEngine({ db, config, transport, intervalMs, ...(now && { now }) });
        if (intervalMs > 0) recovery.start();
      }
      if (webhookOptions && !webhooks) {
        const { list, now, intervalMs = 5_000 } = webhookOptions;
        webhooks = createWebhookDispatcher({ db, webhooks: list, intervalMs, ...(now && { now }) });
        if (intervalMs > 0) webhooks.start();
      }
      server.removeAllListeners('request');
      const linkDeps = recovery && recoveryOptions && { engine: recovery, config: recoveryOptions.config, ...(recoveryOptions.now && { now: recoveryOptions.now }) };
      server.on('request', createRequestHandler({
          db,
          validator: createEventValidator(),
          limits,
          readToken,
          trustProxy,
          ...(linkDeps && { recovery: linkDeps }),
          ...(webhooks && { webhooks, onStored: webhooks.enqueue }),
        }));
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
        const closeDb = async () => {
          await recovery?.destroy();
          ownTransport?.close();
          await webhooks?.destroy();
          await db?.close();
        };
        if (!server.listening) return void closeDb().then(resolve, reject);
        server.close((error) => {
          void closeDb().then(() => (error ? reject(error) : resolve()), reject);
        });
      }),
  };
}

/** Keeps SMTP connections open between emails (nodemailer reads `pool` from the URL), unless the URL says otherwise. */
function withPool(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.href;
}
