import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { createCollector } from '../packages/collector/src/createCollector';
import type { RecoveryConfig } from '../packages/collector/src/recovery/recoveryConfig';
import { startMailCatcher, type MailCatcher } from '../packages/collector/src/testing/startMailCatcher';
import { serveStatic, type RouteHandler } from './serveStatic';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cartbackDistDir = resolve(repoRoot, 'packages/cartback/dist');
export const storefrontDir = resolve(repoRoot, 'examples/storefront');
export const spaDir = resolve(repoRoot, 'examples/spa');
export const spaDistDir = resolve(spaDir, 'dist');

export interface DemoOptions {
  /** Storefront port; 0 picks a free one. */
  port?: number;
  /** Collector port; 0 picks a free one. */
  collectorPort?: number;
  /** Single-page shop port; 0 picks a free one. */
  spaPort?: number;
  host?: string;
  dataDir?: string;
  /** The recovery emails' delays in seconds: demo stand-ins for 1 h, 24 h and 72 h. */
  demoDelaysSeconds?: [number, number, number];
  /** Merged over the shop's cartback config (tests shorten returnGrace). */
  shopConfig?: Record<string, unknown>;
}

export interface Demo {
  shopUrl: string;
  /** The single-page shop (examples/spa), on an origin of its own. */
  spaUrl: string;
  /** What the single-page shop's /config.js serves, read at each request: tests may change it. */
  spaConfig: Record<string, unknown>;
  collectorUrl: string;
  endpoint: string;
  /** The local mail catcher the collector's recovery emails go to. */
  mail: MailCatcher;
  close(): Promise<void>;
}

/**
 * The demo storefront with the built SDK at its root, the single-page shop built from
 * examples/spa, and the reference collector beside them. `npm start` runs it on fixed ports
 * (examples/serve.ts); the e2e tests run it on port 0.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const { port = 0, collectorPort = 0, spaPort = 0, host = '127.0.0.1' } = options;
  const dataDir = options.dataDir ?? resolve(repoRoot, '.data/collector');
  for (const file of [resolve(cartbackDistDir, 'cartback.js'), resolve(spaDistDir, 'main.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing. Run \`npm run build\` first.`);
  }
  await mkdir(dataDir, { recursive: true });
  const mail = await startMailCatcher((caught) => {
    console.log(`[demo mail catcher] to ${caught.to}: "${caught.subject}" (preview it on the dashboard)`);
  });
  const recovery = demoRecoveryConfig(mail.smtpUrl, options.demoDelaysSeconds ?? [20, 40, 60]);
  const collector = createCollector({ dataDir, recovery: { config: recovery, intervalMs: 1000 } });
  const { url: collectorUrl } = await collector.listen(collectorPort, host);
  // Known only now that the servers have ports; read by the engine at each send.
  recovery.publicUrl = collectorUrl;
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
    // Linked from the widget's "Why am I seeing this?". No theme: the widget takes the shop's look.
    privacyUrl: '/privacy.html',
    ...options.shopConfig,
  };

  // The single-page shop's routes are paths of its own; the modal is not shown at checkout.
  const spaConfig: Record<string, unknown> = {
    ...config,
    checkoutUrl: '/checkout',
    // The single-page shop has no privacy page: its disclosure shows without the link.
    privacyUrl: undefined,
    exitIntent: { ...config.exitIntent, exclude: ['/checkout'] },
  };

  const csp = getStorefrontCsp(new URL(collectorUrl).origin);
  const shop = serveStatic(
    [storefrontDir, cartbackDistDir],
    { '/config.js': serveConfig('cartbackConfig', config) },
    { headers: { 'Content-Security-Policy': csp } },
  );
  const spa = serveSpa(spaConfig, csp);
  const closeAll = () => Promise.all([closeServer(shop), closeServer(spa), collector.close().then(() => mail.close())]);
  try {
    const shopUrl = await listen(shop, port, host);
    recovery.store.restoreUrl = `${shopUrl}/cart.html?items={items}&code={code}`;
    const spaUrl = await listen(spa, spaPort, host);
    return {
      shopUrl,
      spaUrl,
      spaConfig,
      collectorUrl,
      endpoint,
      mail,
      close: async () => {
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * The demo's recovery emails: the classic 1 h / 24 h / 72 h sequence with DEMO DELAYS of
 * seconds (labelled in every subject), sent to the local mail catcher, with a frequency cap of
 * seconds too so that all three arrive.
 */
function demoRecoveryConfig(smtpUrl: string, [first, second, third]: [number, number, number]): RecoveryConfig {
  const label = (seconds: number, real: string) => `[demo: ${seconds} s, really ${real}]`;
  return {
    store: { name: 'Fernhill Coffee Roasters', restoreUrl: 'http://set-when-the-shop-listens.invalid/' },
    from: 'Fernhill Coffee Roasters <hello@fernhill.example>',
    publicUrl: 'http://set-when-the-collector-listens.invalid/',
    smtpUrl,
    secret: randomBytes(32).toString('hex'),
    frequencyCapHours: Math.min(first, second - first, third - second) / 3600 / 2,
    linkValidDays: 14,
    pollSeconds: 1,
    recovery: {
      steps: [
        { delay: `${first}s`, subject: `${label(first, '1 h')} You left something in your cart`, intro: 'Hi {firstName}, your cart at {storeName} is saved: {itemCount} items, {total}.' },
        { delay: `${second}s`, subject: `${label(second, '24 h')} Still thinking it over?`, intro: 'Hi {firstName}, our roasts sell out every Tuesday. Yours is still waiting.' },
        {
          delay: `${third}s`,
          subject: `${label(third, '72 h')} {percentOff}% off your cart, for 48 hours`,
          intro: 'Hi {firstName}, here is {percentOff}% off your cart with the code {code}, valid until {validUntil}.',
          offer: { code: 'COMEBACK10', percentOff: 10, validForHours: 48 },
        },
      ],
    },
    winBack: { enabled: false, afterDays: 90, steps: [{ delay: '0s', subject: 'We miss you', intro: 'Hi {firstName}.' }] },
  };
}

/** `/config.js`: sets `window[name]` to `config` as it is at the request. */
function serveConfig(name: string, config: Record<string, unknown>): RouteHandler {
  return (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`window.${name} = ${JSON.stringify(config, null, 2)};\n`);
  };
}

/**
 * The single-page shop: its built files (examples/spa/dist), its config as
 * `window.cartbackDemoConfig`, and its page for every route. Any GET of a path without a file
 * extension answers index.html (the history fallback), so a reload or a shared link to
 * `/product/ethiopia-guji` opens the app there, and its router shows the product.
 */
function serveSpa(config: Record<string, unknown>, csp: string): Server {
  const headers = { 'Content-Security-Policy': csp };
  /** A file from outside dist/, with the headers serveStatic gives its own. */
  const sendFile =
    (file: string, type: string): RouteHandler =>
    async (req, res) => {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method == 'HEAD' ? undefined : body);
    };
  const files = serveStatic(
    [spaDistDir],
    {
      '/index.html': sendFile(resolve(spaDir, 'index.html'), 'text/html; charset=utf-8'),
      '/config.js': serveConfig('cartbackDemoConfig', config),
      '/favicon.svg': sendFile(resolve(storefrontDir, 'favicon.svg'), 'image/svg+xml'),
    },
    { headers },
  );
  const serveFile = files.listeners('request')[0] as RequestListener;
  return createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    if ((req.method == 'GET' || req.method == 'HEAD') && !extname(path)) req.url = '/index.html';
    serveFile(req, res);
  });
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
