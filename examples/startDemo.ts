import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector } from './collector/src/createCollector';
import { serveStatic } from './serveStatic';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cartbackDistDir = resolve(repoRoot, 'packages/cartback/dist');
export const storefrontDir = resolve(repoRoot, 'examples/storefront');

export interface DemoOptions {
  /** Storefront port; 0 picks a free one. */
  port?: number;
  /** Collector port; 0 picks a free one. */
  collectorPort?: number;
  host?: string;
  dataDir?: string;
}

export interface Demo {
  shopUrl: string;
  collectorUrl: string;
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The demo storefront with the built SDK at its root and the reference collector beside it.
 * `npm start` runs it on fixed ports (examples/serve.ts); the e2e tests run it on port 0.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const { port = 0, collectorPort = 0, host = '127.0.0.1' } = options;
  const dataDir = options.dataDir ?? resolve(repoRoot, '.data/collector');
  if (!existsSync(resolve(cartbackDistDir, 'cartback.js'))) {
    throw new Error(`${cartbackDistDir}/cartback.js is missing. Run \`npm run build\` first.`);
  }
  await mkdir(dataDir, { recursive: true });
  const collector = createCollector({ dataDir });
  const { url: collectorUrl } = await collector.listen(collectorPort, host);
  const endpoint = new URL('/events', collectorUrl).href;
  const config = {
    endpoint,
    checkoutUrl: '/checkout.html',
    currency: 'EUR',
    locale: 'en-IE',
    debug: true,
    // Short delays so a visitor trying the demo sees the modal: move the pointer out through the top.
    exitIntent: { armDelay: 2000, cooldown: 60_000, collectEmail: true },
    offer: { code: 'FERNHILL10', percentOff: 10, validFor: 15 * 60 * 1000 },
  };

  const shop = serveStatic(
    [storefrontDir, cartbackDistDir],
    {
      '/config.js': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(`window.cartbackConfig = ${JSON.stringify(config, null, 2)};\n`);
      },
    },
    { headers: { 'Content-Security-Policy': getStorefrontCsp(new URL(collectorUrl).origin) } },
  );
  try {
    const shopUrl = await listen(shop, port, host);
    return {
      shopUrl,
      collectorUrl,
      endpoint,
      close: async () => {
        await Promise.all([closeServer(shop), collector.close()]);
      },
    };
  } catch (error) {
    await collector.close();
    throw error;
  }
}

/**
 * The shop is held to a strict script policy (no inline scripts, no eval) to show that the
 * SDK needs nothing more. Styles allow 'unsafe-inline' because a Shadow DOM widget may
 * carry its own <style> element; scripts are what a strict CSP is about.
 */
export function getStorefrontCsp(collectorOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${collectorOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolveUrl(`http://${host}:${actualPort}`);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
}
