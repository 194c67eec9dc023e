import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { serveStatic } from '../../examples/serveStatic';
import { runCartAction, type CartAction } from './shopifyCartActions';
import { cartJson, findVariant, imageUrl, PRODUCTS, type CartLine } from './shopifyCatalog';
import { cartbackDistDir, fixturesDir } from './startSite';
import { listenLocally } from './listenLocally';

const themeDir = resolve(fixturesDir, 'shopify');

/** A request to one of the cart endpoints, as it arrived, and what the store answered. */
export interface CartRequest {
  /** The token of the cart it was about (none for a session without a cart yet). */
  cart?: string;
  method: string;
  path: string;
  headers: { contentType?: string; accept?: string; requestedWith?: string };
  body: string;
  status: number;
  response: string;
}

/** How `GET /cart.js` answers: as Shopify does, or broken in one of the ways a test needs. */
export type CartJsMode = 'ok' | 'html' | 'not-a-cart' | 'error';

export interface ShopifyStore {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** Every body POSTed to /events, parsed, in arrival order. */
  received: unknown[];
  /** Every request to /cart.js and /cart/*, in arrival order. */
  requests: CartRequest[];
  cartJs: CartJsMode;
  /** Sets a line's quantity behind the page's back, as another tab or an app's server would. */
  setQuantity(token: string, variantId: number, quantity: number): void;
  close(): Promise<void>;
}

/**
 * A Shopify Online Store as far as a theme sees it: the fixture theme (e2e/fixtures/shopify),
 * its pages rendered the way Liquid would (the cartback script tag, the product grid), the
 * built SDK among the theme's assets under `/cdn/shop/t/1/assets/` as a store uploads it, and
 * the AJAX Cart API with carts kept per `cart` cookie. The pages also answer under the locale
 * root `/fr/`. Page query: `cartback=off` leaves the script tag out; `platform`, `currency`
 * and `debug` set its data attributes.
 */
export async function startShopifyStore(): Promise<ShopifyStore> {
  const carts = new Map<string, CartLine[]>();
  const received: unknown[] = [];
  const requests: CartRequest[] = [];
  const assets = serveStatic([resolve(themeDir, 'assets'), cartbackDistDir]).listeners('request')[0] as RequestListener;
  const files = serveStatic([resolve(themeDir, 'files')]).listeners('request')[0] as RequestListener;
  /** Serves `file` from a static server, as if it had been asked for `/file`. */
  const serveFrom = (listener: RequestListener, req: IncomingMessage, res: ServerResponse, file: string) => {
    req.url = '/' + file;
    listener(req, res);
  };

  const store: ShopifyStore = {
    url: '',
    received,
    requests,
    cartJs: 'ok',
    setQuantity(token, variantId, quantity) {
      const lines = carts.get(token) ?? [];
      const line = lines.find((l) => l.variant.id === variantId);
      if (line) line.quantity = quantity;
      else lines.unshift({ ...findVariant(variantId)!, quantity, properties: {} });
      carts.set(token, lines.filter((l) => l.quantity > 0));
    },
    close: async () => {},
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://store.invalid');
    const origin = `http://${req.headers.host}`;
    const [, locale = '', path = '/'] = /^(\/fr)?(\/.*)$/.exec(url.pathname)!;
    const root = locale + '/';
    if (path === '/events' && req.method === 'POST') {
      const text = await readBody(req);
      received.push(JSON.parse(text));
      return void res.writeHead(204).end();
    }
    if (path.startsWith('/cdn/shop/t/1/assets/')) return serveFrom(assets, req, res, path.slice(21));
    if (path.startsWith('/cdn/shop/files/')) return serveFrom(files, req, res, path.slice(16));
    if (req.method === 'GET' && (path === '/' || path === '/cart')) return renderPage(res, path === '/' ? 'index.html' : 'cart.html', url.searchParams, origin, root);

    const token = readCartCookie(req);
    const lines = (token && carts.get(token)) || [];
    const action = /^\/cart\/(add|change|update|clear)(\.js)?$/.exec(path);
    const record: CartRequest = {
      cart: token && carts.has(token) ? token : undefined,
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      headers: {
        contentType: req.headers['content-type'],
        accept: req.headers.accept,
        requestedWith: req.headers['x-requested-with'] as string | undefined,
      },
      body: await readBody(req),
      status: 0,
      response: '',
    };
    if (path === '/cart.js' && req.method === 'GET') {
      // Until the first item, each read gives a new token and no cookie (community.shopify.dev/t/3504).
      const json = cartJson(record.cart ?? randomBytes(16).toString('hex'), lines, origin);
      const broken = { html: '<!doctype html><title>Please wait</title><p>The store will be back soon.</p>', 'not-a-cart': JSON.stringify({ cart: json }), error: 'Internal Server Error' };
      if (store.cartJs === 'ok') return answer(res, record, 200, JSON.stringify(json));
      return answer(res, record, store.cartJs === 'error' ? 500 : 200, broken[store.cartJs], store.cartJs === 'html' ? 'text/html; charset=utf-8' : undefined);
    }
    if (!action || req.method !== 'POST') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${url.pathname}`);
      return;
    }
    const result = runCartAction(action[1] as CartAction, lines, record.body, req.headers['content-type']);
    let json = result.json;
    if ('lines' in result) {
      const cart = record.cart ?? (result.lines.length ? newToken() : undefined);
      if (cart && !record.cart) res.setHeader('Set-Cookie', `cart=${encodeURIComponent(cart)}; Path=/; SameSite=Lax`);
      if (cart) carts.set(cart, result.lines);
      record.cart = cart;
      json = result.json(origin, cart ?? randomBytes(16).toString('hex'));
    }
    // `/cart/add` without `.js` is a theme's plain form post: Shopify redirects it to the cart page,
    // unless it asked for JSON (Horizon posts JSON to `/cart/change`).
    const wantsJson = !!action[2] || /application\/json/.test(req.headers.accept ?? '');
    if (!wantsJson && result.status === 200) {
      res.setHeader('Location', root + 'cart');
      return answer(res, record, 302, '');
    }
    return answer(res, record, result.status, JSON.stringify(json));
  }

  function answer(res: ServerResponse, record: CartRequest, status: number, body: string, type = 'application/json; charset=utf-8') {
    Object.assign(record, { status, response: body });
    requests.push(record);
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache, no-store' }).end(body);
  }

  async function renderPage(res: ServerResponse, file: string, query: URLSearchParams, origin: string, root: string) {
    const html = (await readFile(resolve(themeDir, file), 'utf8'))
      .replace('{{ cartback }}', cartbackTag(query, origin))
      .replace('{{ product_grid }}', productGrid(origin, root))
      .replaceAll('{{ root }}', root);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
      else res.destroy();
    });
  });
  Object.assign(store, await listenLocally(server));
  return store;
}

/** A cart token in Shopify's current form: base64 of `<region>:<ULID>`, then `?key=<32 hex>`. */
function newToken(): string {
  const ulid = '01' + [...randomBytes(24)].map((byte) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[byte % 32]).join('');
  return Buffer.from(`gcp-europe-west1:${ulid}`).toString('base64url') + '?key=' + randomBytes(16).toString('hex');
}

function readCartCookie(req: IncomingMessage): string | undefined {
  const value = /(?:^|;\s*)cart=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  return value ? decodeURIComponent(value) : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The script tag of examples/shopify/cartback.liquid, rendered for this page. */
function cartbackTag(query: URLSearchParams, origin: string): string {
  if (query.get('cartback') === 'off') return '';
  const data: Record<string, string | null> = {
    endpoint: `${origin}/events`,
    currency: query.get('currency') ?? 'EUR',
    locale: 'en',
    'checkout-url': '/cart',
    platform: query.get('platform'),
    debug: query.has('debug') ? 'true' : null,
  };
  const attributes = Object.entries(data)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  return `<script async src="/cdn/shop/t/1/assets/cartback.js"${attributes}></script>`;
}

const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' });

/** The collection's product cards, as the theme's Liquid section would render them. */
function productGrid(origin: string, root: string): string {
  return PRODUCTS.map((product) => {
    const [first] = product.variants;
    const picker =
      product.variants.length > 1
        ? `<select name="id" aria-label="${product.title} colour">${product.variants.map((v) => `<option value="${v.id}">${v.title}</option>`).join('')}</select>`
        : `<input type="hidden" name="id" value="${first!.id}">`;
    const button = first!.available ? 'Add to cart' : 'Sold out';
    return `
    <li class="card" data-product="${product.handle}">
      ${product.image ? `<img src="${imageUrl(origin, product.image)}" alt="" width="120" height="120">` : ''}
      <h2>${product.title}</h2>
      <p class="price">${money.format(first!.price / 100)}</p>
      <form action="${root}cart/add" method="post" class="product-form"${product.giftCard ? '' : ' data-ajax'}>
        ${picker}
        <label>Quantity <input type="number" name="quantity" value="1" min="1"></label>
        <button type="submit">${button}</button>
      </form>
      ${product.giftCard ? '' : `<button type="button" class="quick-add" data-variant-id="${first!.id}">Quick add</button>`}
    </li>`;
  }).join('');
}
