import { connect } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { makeBatch, makeCart, makeEvent } from './makeEvent';
import { startTestCollector, type TestCollector } from './startTestCollector';

let c: TestCollector;
afterEach(() => c.stop());

it('stores a valid batch and lists it newest first', async () => {
  c = await startTestCollector();
  const events = [makeEvent('cart_updated'), makeEvent('exit_intent_shown'), makeEvent('identified')];
  const response = await c.post(makeBatch(events));

  expect(response.status).toBe(200);
  expect(response.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
  expect(await c.storedIds()).toEqual(events.map((event) => event.id).reverse());
});

it('accepts application/json too, and refuses other content types', async () => {
  c = await startTestCollector();
  expect((await c.post(makeBatch([makeEvent('banner_shown')]), 'application/json')).status).toBe(200);
  const form = await c.post(makeBatch([makeEvent('banner_shown')]), 'multipart/form-data');
  expect(form.status).toBe(415);
  expect(form.body.error).toMatch(/multipart\/form-data is not accepted/);
  expect(await c.storedIds()).toHaveLength(1);
});

it('rejects a bad event by index, id and field path, and stores the rest', async () => {
  c = await startTestCollector();
  const good = [makeEvent('cart_updated'), makeEvent('checkout_started')];
  const bad = makeEvent('cart_updated', { cart: makeCart({ items: [{ id: 'a', name: 'A', price: -5, quantity: 1 }] }) });
  const response = await c.post(makeBatch([good[0], bad, good[1]]));

  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({
    accepted: 2,
    duplicates: 0,
    rejected: [{ index: 1, id: bad.id, errors: ['/events/1/cart/items/0/price must be >= 0'] }],
  });
  expect(response.body.note).toMatch(/not stored/);
  expect((await c.storedIds()).sort()).toEqual(good.map((event) => event.id).sort());
});

it('answers 400 with the same body when every event is invalid, storing nothing', async () => {
  c = await startTestCollector();
  const response = await c.post(makeBatch([makeEvent('order_completed', { order: undefined }), { type: 'cart_updated' }]));

  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ accepted: 0, duplicates: 0 });
  expect(response.body.rejected.map((rejection: { index: number }) => rejection.index)).toEqual([0, 1]);
  expect(response.body.rejected[0].errors).toEqual(['/events/0/order is required']);
  expect(response.body.rejected[1].errors).toContain('/events/1/id is required');
  expect(await c.storedIds()).toEqual([]);
});

it('stores an id once and counts re-sends as duplicates, within and across batches', async () => {
  c = await startTestCollector();
  const event = makeEvent('cart_abandoned');

  expect((await c.post(makeBatch([event, event]))).body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
  const retry = await c.post(makeBatch([event]));
  expect(retry.status).toBe(200);
  expect(retry.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  expect((await c.get('/api/stats')).body.events).toBe(1);
});

it('answers any origin: CORS on POST, on errors and on the preflight', async () => {
  c = await startTestCollector();
  expect((await c.post(makeBatch([makeEvent('banner_shown')]))).headers.get('access-control-allow-origin')).toBe('*');
  expect((await c.post('nope')).headers.get('access-control-allow-origin')).toBe('*');
  // So that a shop's page may read a Retry-After this collector or a proxy sends.
  expect((await c.post('nope')).headers.get('access-control-expose-headers')).toBe('Retry-After');

  const preflight = await fetch(`${c.url}/events`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
});

it('answers 400 saying what is wrong with a malformed envelope', async () => {
  c = await startTestCollector();
  const notJson = await c.post('{"v":1,');
  expect(notJson.status).toBe(400);
  expect(notJson.body.error).toMatch(/^Body is not JSON/);

  const wrongVersion = await c.post({ v: 2, sentAt: new Date().toISOString(), events: 'none' });
  expect(wrongVersion.status).toBe(400);
  expect(wrongVersion.body.details).toEqual(['/v must be 1', '/events must be array']);

  expect((await c.post('[]')).body.details).toEqual(['body must be object']);
  expect((await c.post(makeBatch([]))).body.details).toEqual(['/events must NOT have fewer than 1 items']);
  expect(await c.storedIds()).toEqual([]);
});

it('answers 413 to a 10 MB body and keeps serving', async () => {
  c = await startTestCollector();
  const response = await c.post('x'.repeat(10 * 1024 * 1024));
  expect(response.status).toBe(413);
  expect(response.body.error).toBe('Body is larger than 1048576 bytes. Split the events into smaller batches.');
  expect((await fetch(`${c.url}/health`)).status).toBe(200);
});

it('stops reading a streamed body without Content-Length once it passes the limit', async () => {
  c = await startTestCollector();
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  let sent = 0;
  // Pull-based: a chunk is produced only when the connection takes it, so `sent` shows how
  // much the server let through before it answered and closed. Draining would take all 256.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= 256) return controller.close();
      sent += 1;
      controller.enqueue(chunk);
    },
  });
  // The server answers 413 and closes the connection at once: a client still sending then may
  // see the connection reset before it reads the answer (seen on a loaded machine). Either way
  // the server stopped reading, which is what this is about.
  const status = await fetch(`${c.url}/events`, { method: 'POST', body, duplex: 'half' } as RequestInit).then(
    (response) => response.status,
    () => 'reset',
  );

  expect([413, 'reset']).toContain(status);
  expect(sent).toBeLessThan(64);
  expect((await fetch(`${c.url}/health`)).status).toBe(200);
});

it('answers 413 to 10,000 events and asks to split the batch', async () => {
  // Real events would pass the 1 MiB body limit first; raise it to reach the count limit.
  c = await startTestCollector({ maxBodyBytes: 16 * 1024 * 1024 });
  const response = await c.post(makeBatch(Array.from({ length: 10_000 }, () => makeEvent('banner_shown'))));
  expect(response.status).toBe(413);
  expect(response.body.error).toBe('Batch has 10000 events; the limit is 500. Split it into smaller batches.');
  expect(await c.storedIds()).toEqual([]);
});

it('rejects an event carrying a 1 MB string, storing the others', async () => {
  c = await startTestCollector();
  const huge = makeEvent('identified', { traits: { email: 'a@b.example', note: 'x'.repeat(1_000_000) } });
  const good = makeEvent('banner_clicked');
  const response = await c.post(makeBatch([huge, good]));

  expect(response.status).toBe(200);
  expect(response.body.accepted).toBe(1);
  expect(response.body.rejected).toEqual([
    { index: 0, id: huge.id, errors: ['/events/0/traits/note is longer than 8192 characters (1000000)'] },
  ]);
  expect(await c.storedIds()).toEqual([good.id]);
});

it('answers a body that never finishes with a JSON 408 and keeps serving', async () => {
  c = await startTestCollector({ bodyTimeoutMs: 200 });
  const { port } = new URL(c.url);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (data) => (text += data));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write('POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n{"v":');
  });

  expect(raw).toMatch(/^HTTP\/1\.1 408 /);
  expect(raw).toContain('{"error":"The body did not arrive within 200 ms. Retry the request."}');
  expect((await fetch(`${c.url}/health`)).status).toBe(200);
});
