import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector } from './createCollector';
import { makeBatch, makeCart, makeEvent } from './makeEvent';
import { startTestCollector, type TestCollector } from './startTestCollector';
import { describeStorage } from './testing/describeStorage';

let c: TestCollector;
afterEach(() => c.stop());

describeStorage((storage) => describe('abandoned carts and stats', () => {
  let drop: (() => Promise<void>) | undefined;
  const start = async () => {
    const created = await storage.create();
    drop = created.drop;
    return startTestCollector(undefined, created.options);
  };
  afterEach(() => drop?.());
  const shopperA = '11111111-1111-4111-8111-111111111111';
  const shopperB = '22222222-2222-4222-8222-222222222222';
  const cartA = makeCart({ id: 'cart-a', version: 2 });
  const cartB = makeCart({ id: 'cart-b', version: 1, value: 7, count: 1, currency: 'USD' });
  const a = { anonymousId: shopperA };
  const b = { anonymousId: shopperB };

  it('reports abandonments, returns and recoveries', async () => {
    c = await start();
    await c.post(
      makeBatch([
        makeEvent('cart_updated', { ...a, cart: cartA, time: '2026-03-01T10:00:00.000Z' }),
        makeEvent('cart_abandoned', { ...a, cart: cartA, abandonmentId: 'cart-a:2', time: '2026-03-01T10:30:00.000Z' }),
        // Shopper B bought something before abandoning: that order recovers nothing.
        makeEvent('order_completed', { ...b, time: '2026-03-01T09:00:00.000Z' }),
        makeEvent('cart_abandoned', {
          ...b,
          cart: cartB,
          abandonmentId: 'cart-b:1',
          reason: 'idle',
          time: '2026-03-01T11:00:00.000Z',
        }),
      ]),
    );
    // Shopper A comes back the next day and buys; the order's offset is +01:00 (= 11:00Z).
    await c.post(
      makeBatch([
        makeEvent('cart_returned', { ...a, cart: cartA, abandonmentId: 'cart-a:2', time: '2026-03-02T10:00:00.000Z' }),
        makeEvent('order_completed', { ...a, attribution: ['banner'], time: '2026-03-02T12:00:00+01:00' }),
      ]),
    );

    const stats = await c.get('/api/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({ cartsTracked: 2, abandoned: 2, pending: 0, returned: 1, recovered: 1, events: 6 });

    const { body } = await c.get('/api/carts/abandoned');
    expect(body.carts).toEqual([
      {
        cartId: 'cart-b',
        abandonmentId: 'cart-b:1',
        reason: 'idle',
        anonymousId: shopperB,
        abandonedAt: '2026-03-01T11:00:00.000Z',
        confirmedAt: '2026-03-01T11:00:00.000Z',
        items: cartB.items,
        value: 7,
        currency: 'USD',
        count: 1,
        returned: false,
        recovered: false,
      },
      expect.objectContaining({ cartId: 'cart-a', value: 25, currency: 'EUR', returned: true, recovered: true }),
    ]);
  });

  it('lists only the latest abandonment of a cart', async () => {
    c = await start();
    await c.post(
      makeBatch([
        makeEvent('cart_abandoned', { cart: cartA, abandonmentId: 'cart-a:2', time: '2026-03-01T10:00:00.000Z' }),
        makeEvent('cart_abandoned', {
          cart: { ...cartA, version: 5 },
          abandonmentId: 'cart-a:5',
          time: '2026-03-03T10:00:00.000Z',
        }),
      ]),
    );
    const { body } = await c.get('/api/carts/abandoned');
    expect(body.carts.map((cart: { abandonmentId: string }) => cart.abandonmentId)).toEqual(['cart-a:5']);
  });
}));

describe('routing', () => {
  it('filters recent events by type and rejects a bad limit', async () => {
    c = await startTestCollector();
    const banner = makeEvent('banner_shown');
    await c.post(makeBatch([makeEvent('cart_updated'), banner, makeEvent('cart_updated')]));

    const { body } = await c.get('/api/events?type=banner_shown');
    expect(body.events).toEqual([{ receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), event: banner }]);
    expect((await c.get('/api/events?limit=2')).body.events).toHaveLength(2);

    const badLimit = await c.get('/api/events?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error).toBe('limit must be an integer from 1 to 500 (0).');
  });

  it('answers an unknown path with 404 and a wrong method with 405, in JSON', async () => {
    c = await startTestCollector();
    const missing = await c.get('/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('No route for /nope. Send events to POST /events.');

    const wrongMethod = await c.get('/events');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, OPTIONS');
    expect(wrongMethod.body.error).toBe('GET is not allowed on /events.');
    expect((await c.get('/health')).body).toEqual({ ok: true });
  });

  it('keeps the read APIs closed to other origins', async () => {
    c = await startTestCollector();
    for (const path of ['/api/stats', '/api/events', '/api/carts/abandoned']) {
      expect((await c.get(path)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('serves the dashboard under a strict CSP, with its script as a file', async () => {
    c = await startTestCollector();
    const page = await fetch(c.url + '/');
    const html = await page.text();
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(html).toContain('<script type="module" src="/dashboard.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const script = await fetch(c.url + '/dashboard.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const source = await script.text();
    expect(source).toContain("getJson('/api/stats')");
    // Event data is shoppers' input: it must never be parsed as HTML.
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);

    // chart.js comes from the collector's own node_modules, same-origin under the CSP.
    expect(html).toContain('<script src="/vendor/chart.umd.min.js" defer></script>');
    const chart = await fetch(c.url + '/vendor/chart.umd.min.js');
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await chart.text()).toContain('Chart.js v4.6.1');
  });
});

describe('security', () => {
  const batch = () => JSON.stringify(makeBatch([makeEvent('cart_updated')]));
  /** POST /events from a given loopback address (127.0.0.x are all this machine). */
  const postFrom = (url: string, localAddress: string) =>
    new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
      const body = batch();
      const req = request(`${url}/events`, { method: 'POST', localAddress, agent: false, headers: { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, ...(res.headers['retry-after'] && { retryAfter: res.headers['retry-after'] }) }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('refuses to listen beyond loopback without a read token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cartback-collector-'));
    const collector = createCollector({ dataDir });
    await expect(collector.listen(0, '0.0.0.0')).rejects.toThrow(
      "[cartback collector] Refusing to listen on 0.0.0.0 without a read token: the dashboard and /api/* show shoppers' emails and carts.",
    );
    expect(collector.server.listening).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with a read token, answers the dashboard and read APIs 401 without it, and still takes events', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cartback-collector-'));
    const collector = createCollector({ dataDir, readToken: 'secret-token-0123456789' });
    const { url } = await collector.listen();
    try {
      for (const path of ['/', '/dashboard.js', '/api/stats', '/api/events', '/api/carts/abandoned']) {
        const response = await fetch(url + path, { headers: { Authorization: 'Bearer wrong-token-0123456789' } });
        expect([path, response.status]).toEqual([path, 401]);
        expect(response.headers.get('www-authenticate')).toBe('Basic realm="cartback collector", charset="UTF-8"');
        expect(await response.text()).not.toContain('cart-1');
      }
      expect((await fetch(`${url}/events`, { method: 'POST', body: batch() })).status).toBe(200);
      const bearer = await fetch(`${url}/api/stats`, { headers: { Authorization: 'Bearer secret-token-0123456789' } });
      expect(await bearer.json()).toMatchObject({ events: 1 });
      const basic = await fetch(`${url}/`, { headers: { Authorization: `Basic ${Buffer.from('owner:secret-token-0123456789').toString('base64')}` } });
      expect(basic.status).toBe(200);
    } finally {
      await collector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a flooding address with 429 and Retry-After while another address is served', async () => {
    c = await startTestCollector({ rateBurst: 5, ratePerSecond: 1 });
    const flood = await Promise.all(Array.from({ length: 8 }, () => postFrom(c.url, '127.0.0.2')));
    expect(flood.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(flood.filter((answer) => answer.status === 429)).toEqual(Array(3).fill({ status: 429, retryAfter: '1' }));
    expect(await postFrom(c.url, '127.0.0.3')).toEqual({ status: 200 });
  });
});
