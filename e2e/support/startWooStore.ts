import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from '../../examples/serveStatic';
import { cartbackDistDir, fixturesDir, repoRoot } from './startSite';
import { cartFragments, cartItemKey, PRODUCTS, storeApiCart, type Line } from './wooStoreApi';
import { listenLocally } from './listenLocally';

/** One request to the store's cart endpoints (`?wc-ajax=` or the Store API) and its answer. */
export interface Exchange {
  method: string;
  /** Path and query, e.g. `/?wc-ajax=add_to_cart` or `/wp-json/wc/store/v1/cart/add-item`. */
  url: string;
  contentType?: string;
  nonce?: string;
  /** The request body exactly as it arrived. */
  body: string;
  status: number;
  /** The response body exactly as it was sent. */
  response: string;
}

export interface WooStore {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** Every body POSTed to /events, parsed, in arrival order. */
  received: unknown[];
  exchanges: Exchange[];
  /** How `GET …/wc/store/v1/cart` answers: a cart, broken JSON, or a cart with numbers for prices. */
  cartAnswer: 'cart' | 'malformed-json' | 'wrong-shape';
  /** The store's currency in the Store API's answers. */
  currency: string;
  /** Empties every shopper's cart, as an expired session or an admin would. */
  emptyCarts(): void;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'wp_woocommerce_session_fixture';
const wooFixturesDir = resolve(fixturesDir, 'woocommerce');
const pluginDir = resolve(repoRoot, 'examples/woocommerce');
const jqueryDir = resolve(repoRoot, 'node_modules/jquery/dist');

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const restError = (status: number, code: string, message: string): Answer => ({ status, body: { code, message, data: { status } } });

/**
 * A WooCommerce store as the browser sees it: the fixture pages (e2e/fixtures/woocommerce),
 * cartback installed as the plugin in examples/woocommerce (the built SDK and
 * cartback-purchase.js under /wp-content/plugins/cartback/), jQuery where WordPress serves it,
 * a cart per session cookie behind the classic `?wc-ajax=` actions and the Store API (pretty
 * `/wp-json/` and plain `?rest_route=` URLs), an order-received page that empties the cart,
 * and /events, which keeps what cartback sends. `/shop-classic.html?late-jquery` holds jQuery
 * back until cartback's WooCommerce adapter has loaded (and 200 ms more for it to start), as
 * on a long page whose footer scripts arrive after an async script has run.
 */
export async function startWooStore(): Promise<WooStore> {
  if (!existsSync(resolve(cartbackDistDir, 'cartback-woocommerce.js')))
    throw new Error(`${cartbackDistDir}/cartback-woocommerce.js is missing: run \`npm run build\` before the e2e tests.`);
  const carts = new Map<string, Line[]>();
  const nonce = randomBytes(5).toString('hex');
  const serve = (roots: string[]) => serveStatic(roots).listeners('request')[0] as RequestListener;
  const pages = serve([wooFixturesDir]);
  const plugin = serve([cartbackDistDir, pluginDir]);
  const jquery = serve([jqueryDir]);
  const adapterLoads = new Map<string, { loaded: Promise<void>; done(): void }>();
  const adapterLoad = (session: string) => {
    if (!adapterLoads.has(session)) {
      let done = () => {};
      const loaded = new Promise<void>((resolve) => (done = resolve));
      adapterLoads.set(session, { loaded, done });
    }
    return adapterLoads.get(session)!;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const store: WooStore = {
    url: '',
    received: [],
    exchanges: [],
    cartAnswer: 'cart',
    currency: 'EUR',
    emptyCarts: () => carts.clear(),
    close: async () => {},
  };

  const add = (lines: Line[], id: number, quantity: number) => {
    if (!PRODUCTS.some((p) => p.id === id) || !Number.isInteger(quantity) || quantity < 1) return false;
    const line = lines.find((l) => l.id === id);
    if (line) line.quantity += quantity;
    else lines.push({ key: cartItemKey(id), id, quantity });
    return true;
  };
  const remove = (lines: Line[], key: unknown) => {
    const index = lines.findIndex((l) => l.key === key);
    return index >= 0 && lines.splice(index, 1).length > 0;
  };

  function classicAjax(action: string, body: string, lines: Line[]): Answer {
    const form = new URLSearchParams(body);
    if (action === 'add_to_cart')
      return add(lines, Number(form.get('product_id')), Number(form.get('quantity') ?? 1))
        ? { status: 200, body: cartFragments(lines) }
        : { status: 200, body: { error: true, product_url: '' } };
    if (action === 'remove_from_cart')
      return remove(lines, form.get('cart_item_key')) ? { status: 200, body: cartFragments(lines) } : { status: 200, body: { success: false } };
    if (action === 'get_refreshed_fragments') return { status: 200, body: cartFragments(lines) };
    return { status: 400, body: 0 };
  }

  function storeApi(method: string, route: string, req: IncomingMessage, body: string, lines: Line[], origin: string): Answer {
    const cart = (status = 200): Answer => ({ status, body: storeApiCart(lines, origin, store.currency), headers: { Nonce: nonce } });
    if (method === 'GET' && route === '/wc/store/v1/cart') {
      if (store.cartAnswer === 'malformed-json') return { status: 200, body: '{"items":[{"key":"' + lines[0]?.key };
      if (store.cartAnswer === 'wrong-shape') {
        const answer = storeApiCart(lines, origin, store.currency);
        for (const item of answer.items) (item.prices as { price: unknown }).price = Number(item.prices.price);
        return { status: 200, body: answer };
      }
      return cart();
    }
    if (method !== 'POST' || !route.startsWith('/wc/store/v1/cart/')) return restError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    if (req.headers.nonce !== nonce)
      return restError(401, 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.');
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body);
    } catch {
      return restError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
    }
    if (route === '/wc/store/v1/cart/add-item')
      return add(lines, Number(input.id), Number(input.quantity ?? 1))
        ? cart(201)
        : restError(400, 'woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.');
    if (route === '/wc/store/v1/cart/remove-item')
      return remove(lines, input.key) ? cart() : restError(409, 'woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.');
    return restError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const origin = `http://${req.headers.host}`;
    let session = req.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`))?.[1];
    if (!session) {
      session = randomUUID();
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`);
    }
    const lines = carts.get(session) ?? [];
    carts.set(session, lines);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');

    if (url.pathname === '/events') {
      if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end();
      try {
        store.received.push(JSON.parse(body));
      } catch {
        store.received.push(body);
      }
      return void res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    }
    const action = url.searchParams.get('wc-ajax');
    const route = url.searchParams.get('rest_route') ?? (url.pathname.startsWith('/wp-json/') ? url.pathname.slice('/wp-json'.length) : null);
    if (action !== null || route !== null) {
      const answer = action !== null ? classicAjax(action, body, lines) : storeApi(req.method ?? 'GET', route!, req, body, lines, origin);
      const response = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      store.exchanges.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        contentType: req.headers['content-type'],
        nonce: req.headers.nonce as string | undefined,
        body,
        status: answer.status,
        response,
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store', ...answer.headers });
      return void res.end(response);
    }
    if (url.pathname === '/wc-blocks-settings.js') {
      // WooCommerce prints this inline; an external script keeps the fixture under its strict CSP.
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(`window.wcBlocksMiddlewareConfig = ${JSON.stringify({ storeApiNonce: nonce, wcStoreApiNonceTimestamp: '1700000000' })};\n`);
    }
    if (url.pathname.startsWith('/checkout/order-received/')) {
      // The order was placed: WooCommerce empties the cart before showing this page.
      lines.length = 0;
      req.url = '/order-received.html';
      return pages(req, res);
    }
    if (url.pathname === '/shop-classic.html' && url.searchParams.has('late-jquery')) {
      const html = await readFile(resolve(wooFixturesDir, 'shop-classic.html'), 'utf8');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(html.replace('jquery.min.js"', 'jquery.min.js?after-adapter"'));
    }
    if (url.pathname.startsWith('/wp-content/plugins/cartback/')) {
      if (url.pathname.endsWith('/cartback-woocommerce.js')) adapterLoad(session).done();
      req.url = url.pathname.slice('/wp-content/plugins/cartback'.length);
      return plugin(req, res);
    }
    if (url.pathname === '/wp-includes/js/jquery/jquery.min.js') {
      if (url.searchParams.has('after-adapter')) await Promise.race([adapterLoad(session).loaded.then(() => sleep(200)), sleep(5_000)]);
      req.url = '/jquery.min.js';
      return jquery(req, res);
    }
    return pages(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  Object.assign(store, await listenLocally(server));
  return store;
}
