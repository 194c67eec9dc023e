import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeBatch, makeEvent } from '../makeEvent';
import { startTestCollector, type TestCollector } from '../startTestCollector';
import { describeStorage } from '../testing/describeStorage';
import { maxWebhookAttempts } from './createWebhookDispatcher';

const secret = 'webhook-secret-webhook-secret-0123456789';
const t0 = Date.parse('2026-03-01T10:00:00.000Z');

describeStorage((storage) => {
  let receiver: Server;
  let received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  /** Status codes the receiver answers, in turn; 200 once they run out. */
  let answers: number[];
  let c: TestCollector;
  let drop: () => Promise<void>;
  const clock = { ms: t0 };
  const tickAt = async (ms: number) => {
    clock.ms = t0 + ms;
    await c.collector.webhooks!.tick();
  };

  beforeEach(async () => {
    clock.ms = t0;
    received = [];
    answers = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await storage.create();
    drop = created.drop;
    c = await startTestCollector(undefined, created.options, undefined, {
      list: [{ url, events: ['cart_abandoned', 'order_completed'], secret }],
      now: () => new Date(clock.ms),
      intervalMs: 0,
    });
  });
  afterEach(async () => {
    await c.stop();
    await drop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('delivers the event types asked for, once, signed with a timestamped HMAC-SHA256', async () => {
    const abandoned = makeEvent('cart_abandoned');
    const batch = makeBatch([abandoned, makeEvent('cart_updated')]);
    await c.post(batch);
    await c.post(batch); // a retry of the same batch: not forwarded again
    await tickAt(0);
    await tickAt(60_000);

    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [(typeof received)[0]];
    expect(JSON.parse(body)).toEqual(abandoned);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['cartback-event-id']).toBe(abandoned.id);
    const timestamp = Math.floor(t0 / 1000);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(headers['cartback-signature']).toBe(`t=${timestamp},v1=${expected}`);
    expect((await c.get('/api/webhooks')).body).toEqual({ counts: { delivered: 1 }, failed: [] });
  });

  it('retries a failing receiver with backoff, then delivers', async () => {
    answers = [500, 503];
    await c.post(makeBatch([makeEvent('order_completed')]));
    await tickAt(0);
    await tickAt(29_000);
    expect(received).toHaveLength(1);
    await tickAt(30_000);
    expect(received).toHaveLength(2);
    await tickAt(30_000 + 59_000);
    expect(received).toHaveLength(2);
    await tickAt(30_000 + 60_000);
    expect(received).toHaveLength(3);
    expect((await c.get('/api/webhooks')).body.counts).toEqual({ delivered: 1 });
  });

  it(`gives up after ${maxWebhookAttempts} attempts and shows the failure`, async () => {
    answers = Array(maxWebhookAttempts).fill(500);
    const event = makeEvent('cart_abandoned');
    await c.post(makeBatch([event]));
    for (let hour = 0; hour <= 12; hour++) {
      for (let minute = 0; minute < 60; minute += 15) await tickAt(hour * 3_600_000 + minute * 60_000);
    }
    expect(received).toHaveLength(maxWebhookAttempts);
    const { body } = await c.get('/api/webhooks');
    expect(body.counts).toEqual({ failed: 1 });
    expect(body.failed).toEqual([expect.objectContaining({ event_id: event.id, event_type: 'cart_abandoned', attempts: maxWebhookAttempts, last_error: 'HTTP 500' })]);
  });
});
