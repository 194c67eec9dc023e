import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CartbackError } from '../../engine/CartbackError.js';
import { createDelivery, type DeliveryOptions } from './createDelivery.js';
import type { CartbackEvent } from '../../events.js';
import { makeEvent } from '../../testing/makeEvent.js';

const endpoint = 'https://collector.test/events';
const server = setupServer();
const cleanups: Array<() => void> = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanups.splice(0).forEach((fn) => fn());
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());


interface Received {
  request: Request;
  body: { v: number; sentAt: string; events: CartbackEvent[] };
  ids: string[];
}

/** The collector: records every POST and answers with `reply(events, requestNumber)`. */
function collector(reply: (events: CartbackEvent[], n: number) => Response) {
  const received: Received[] = [];
  server.use(
    http.post(endpoint, async ({ request }) => {
      const body = JSON.parse(await request.text());
      received.push({ request, body, ids: body.events.map((e: CartbackEvent) => e.id) });
      return reply(body.events, received.length);
    }),
  );
  return received;
}

const status = (code: number, headers?: Record<string, string>) => new HttpResponse(null, { status: code, headers });

/** A delivery over an in-memory outbox, with the network and the clock left real (msw, fake timers). */
function setup(events: CartbackEvent[], overrides: Partial<DeliveryOptions> = {}) {
  let pending = [...events];
  let online = true;
  let onlineListener: (() => void) | undefined;
  let lock = Promise.resolve();
  const report = vi.fn<(error: CartbackError) => void>();
  const delivery = createDelivery({
    endpoint,
    outbox: {
      read: async () => [...pending],
      remove: async (ids) => void (pending = pending.filter((e) => !ids.includes(e.id))),
    },
    fetch: (input, init) => fetch(input, init), // msw patches the global at listen()
    isOnline: () => online,
    onOnline: (fn) => {
      onlineListener = fn;
      return () => void (onlineListener = undefined);
    },
    withLock: (fn) => (lock = fn()),
    now: () => Date.now(),
    random: () => 0.5, // jitter factor 0.75: retries after 750, 1500, 3000 ms
    report,
    ...overrides,
  });
  cleanups.push(delivery.destroy);
  return {
    delivery,
    report,
    pending: () => pending.map((e) => e.id),
    add: (event: CartbackEvent) => void pending.push(event),
    setOnline(value: boolean) {
      online = value;
      if (value) onlineListener?.();
    },
    listening: () => onlineListener !== undefined,
    /** Waits for the flush a timer (or the online listener) has just started. */
    settled: () => lock,
  };
}

/** Advances the fake clock by `ms`, then lets the flush it started finish. */
async function elapse(t: { settled: () => Promise<void> }, ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await t.settled();
  await vi.advanceTimersByTimeAsync(0);
}

const useFakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

describe('createDelivery flush', () => {
  it('POSTs a text/plain JSON envelope with no custom headers, and removes the events on a 2xx', async () => {
    const received = collector(() => status(204));
    const events = [makeEvent(), makeEvent('Théière 日本')];
    const t = setup(events);

    await t.delivery.flush();

    expect(received).toHaveLength(1);
    const [{ request, body }] = received as [Received];
    expect(body).toEqual({ v: 1, sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), events });
    // Only a CORS-safelisted content type: no preflight, and the same request a beacon makes.
    expect([...request.headers]).toEqual([['content-type', 'text/plain;charset=UTF-8']]);
    expect(request.credentials).toBe('omit');
    expect(request.keepalive).toBe(true);
    expect(t.pending()).toEqual([]);
    expect(t.report).not.toHaveBeenCalled();
  });

  it('does not ask for keepalive on bodies near the 64 KiB keepalive quota', async () => {
    const received = collector(() => status(200));
    const t = setup([makeEvent('x'.repeat(70_000))]);
    await t.delivery.flush();
    expect(received[0]!.request.keepalive).toBe(false);
    expect(t.pending()).toEqual([]);
  });

  it('sends at most 100 events per request', async () => {
    const received = collector(() => status(200));
    const t = setup(Array.from({ length: 230 }, () => makeEvent()));
    await t.delivery.flush();
    expect(received.map((r) => r.ids.length)).toEqual([100, 100, 30]);
    expect(t.pending()).toEqual([]);
  });

  it('retries 503 with backoff, re-sending the same event ids, until delivered', async () => {
    useFakeTimers();
    const received = collector((_, n) => status(n <= 3 ? 503 : 200));
    const events = [makeEvent(), makeEvent()];
    const t = setup(events);

    await t.delivery.flush();
    for (const [i, delay] of [750, 1500, 3000].entries()) {
      await elapse(t, delay - 1);
      expect(received).toHaveLength(i + 1);
      expect(t.pending()).toHaveLength(2);
      await elapse(t, 1);
      expect(received).toHaveLength(i + 2);
    }

    expect(received.map((r) => r.ids)).toEqual(Array(4).fill(events.map((e) => e.id)));
    expect(t.pending()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(t.report).not.toHaveBeenCalled();
  });

  it('starts the backoff over after a success', async () => {
    useFakeTimers();
    const received = collector((_, n) => status(n === 1 || n === 2 || n === 4 ? 503 : 200));
    const t = setup([makeEvent()]);
    await t.delivery.flush(); // 503
    await elapse(t, 750); // 503
    await elapse(t, 1500); // 200
    t.add(makeEvent());
    await t.delivery.flush(); // 503
    await elapse(t, 749);
    expect(received).toHaveLength(4);
    await elapse(t, 1);
    expect(received).toHaveLength(5);
    expect(t.pending()).toEqual([]);
  });

  it('waits as long as Retry-After says on 429', async () => {
    useFakeTimers();
    const received = collector((_, n) => (n === 1 ? status(429, { 'Retry-After': '7' }) : status(200)));
    const t = setup([makeEvent()]);

    await t.delivery.flush();
    await elapse(t, 6999);
    expect(received).toHaveLength(1);
    await elapse(t, 1);
    expect(received).toHaveLength(2);
    expect(t.pending()).toEqual([]);
  });

  it('retries a network error', async () => {
    useFakeTimers();
    const received = collector((_, n) => (n === 1 ? HttpResponse.error() : status(200)));
    const t = setup([makeEvent()]);

    await t.delivery.flush();
    expect(t.pending()).toHaveLength(1);
    await elapse(t, 750);
    expect(received).toHaveLength(2);
    expect(t.pending()).toEqual([]);
    expect(t.report).not.toHaveBeenCalled();
  });

  it('splits a batch the endpoint finds too large (413) until every event is delivered', async () => {
    const received = collector((events) => status(events.length > 2 ? 413 : 200));
    const events = [makeEvent(), makeEvent(), makeEvent(), makeEvent()];
    const t = setup(events);

    await t.delivery.flush();

    const [a, b, c, d] = events.map((e) => e.id);
    expect(received.map((r) => r.ids)).toEqual([[a, b, c, d], [a, b], [c, d]]);
    expect(t.pending()).toEqual([]);
    expect(t.report).not.toHaveBeenCalled();
  });

  it('drops and reports a single event that is still too large', async () => {
    collector(() => status(413));
    const t = setup([makeEvent()]);
    await t.delivery.flush();
    expect(t.pending()).toEqual([]);
    expect(t.report).toHaveBeenCalledOnce();
    expect(t.report.mock.calls[0]![0].message).toContain('rejected 1 events with HTTP 413');
  });

  it('drops events the endpoint rejects with 400, reports once, and does not retry', async () => {
    useFakeTimers();
    const received = collector(() => status(400));
    const t = setup([makeEvent(), makeEvent()]);

    await t.delivery.flush();
    await elapse(t, 3_600_000);

    expect(received).toHaveLength(1);
    expect(t.pending()).toEqual([]);
    expect(t.report).toHaveBeenCalledOnce();
    const error = t.report.mock.calls[0]![0];
    expect(error.code).toBe('events_rejected');
    expect(error.message).toMatch(/^\[cartback\] the endpoint rejected 2 events with HTTP 400 \(https:\/\/collector\.test\/events\)\. Check that it accepts the event schema/);
  });

  it('sends nothing while offline, then flushes on online without spending an attempt', async () => {
    useFakeTimers();
    const received = collector((_, n) => status(n === 1 ? 503 : 200));
    const t = setup([makeEvent()]);
    t.setOnline(false);

    await t.delivery.flush();
    t.delivery.schedule();
    await elapse(t, 3_600_000);
    expect(received).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);

    t.setOnline(true);
    await t.settled();
    expect(received).toHaveLength(1); // 503: the first attempt, so the first backoff step
    await elapse(t, 749);
    expect(received).toHaveLength(1);
    await elapse(t, 1);
    expect(received).toHaveLength(2);
    expect(t.pending()).toEqual([]);
    expect(t.listening()).toBe(false);
  });

  it('waits for online, not a backoff, when the connection drops mid-flush', async () => {
    useFakeTimers();
    let t!: ReturnType<typeof setup>;
    const received = collector((_, n) => {
      if (n > 2) return status(200);
      if (n === 2) return status(503);
      t.setOnline(false);
      return HttpResponse.error();
    });
    t = setup([makeEvent()]);

    await t.delivery.flush();
    await elapse(t, 3_600_000);
    expect(received).toHaveLength(1);

    t.setOnline(true);
    await t.settled();
    expect(received).toHaveLength(2); // 503: still the first backoff step, nothing was spent offline
    await elapse(t, 749);
    expect(received).toHaveLength(2);
    await elapse(t, 1);
    expect(received).toHaveLength(3);
    expect(t.pending()).toEqual([]);
  });

  it('sends each event once when two flushes are called at the same time', async () => {
    const received = collector(() => status(200));
    const events = [makeEvent(), makeEvent(), makeEvent()];
    const t = setup(events);

    await Promise.all([t.delivery.flush(), t.delivery.flush()]);

    expect(received.flatMap((r) => r.ids)).toEqual(events.map((e) => e.id));
    expect(t.pending()).toEqual([]);
  });

  it('runs one more flush after the one in flight, for events added meanwhile', async () => {
    let t!: ReturnType<typeof setup>;
    const late = makeEvent();
    const received = collector((_, n) => {
      if (n === 1) {
        t.add(late);
        void t.delivery.flush();
        void t.delivery.flush();
      }
      return status(200);
    });
    const first = makeEvent();
    t = setup([first]);

    await t.delivery.flush();

    expect(received.map((r) => r.ids)).toEqual([[first.id], [late.id]]);
    expect(t.pending()).toEqual([]);
  });

  it('does not rerun right after a failed flush: a flush() asked for during it waits for the backoff', async () => {
    useFakeTimers();
    let t!: ReturnType<typeof setup>;
    const received = collector((_, n) => {
      if (n === 1) void t.delivery.flush();
      return status(n === 1 ? 503 : 200);
    });
    t = setup([makeEvent()]);

    await t.delivery.flush();
    expect(received).toHaveLength(1);
    await elapse(t, 750);
    expect(received).toHaveLength(2);
    expect(t.pending()).toEqual([]);
  });

  it('never rejects: a failing outbox read becomes a retry', async () => {
    useFakeTimers();
    const received = collector(() => status(200));
    const event = makeEvent();
    let reads = 0;
    const t = setup([], {
      outbox: {
        read: async () => {
          if (++reads === 1) throw new Error('IndexedDB connection lost');
          return [event];
        },
        remove: async () => {},
      },
    });

    await expect(t.delivery.flush()).resolves.toBeUndefined();
    expect(received).toHaveLength(0);
    await elapse(t, 750);
    expect(received.map((r) => r.ids)).toEqual([[event.id]]);
  });
});

describe('createDelivery schedule', () => {
  it('sends a burst of events in one request after the delay', async () => {
    useFakeTimers();
    const received = collector(() => status(200));
    const t = setup([]);
    for (let i = 0; i < 3; i++) {
      t.add(makeEvent());
      t.delivery.schedule();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(received).toHaveLength(0);
    await elapse(t, 100); // 1,000 ms after the first schedule(): a pending timer is not pushed back
    expect(received.map((r) => r.ids.length)).toEqual([3]);
  });

  it('does not cut a backoff short, but a direct flush() does', async () => {
    useFakeTimers();
    const received = collector((_, n) => status(n === 1 ? 503 : 200));
    const t = setup([makeEvent()]);

    await t.delivery.flush(); // 503: retry in 750 ms
    t.delivery.schedule(10);
    await elapse(t, 500);
    expect(received).toHaveLength(1);

    await t.delivery.flush();
    expect(received).toHaveLength(2);
    expect(t.pending()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops retrying and listening on destroy()', async () => {
    useFakeTimers();
    const received = collector(() => status(503));
    const t = setup([makeEvent()]);
    await t.delivery.flush();
    t.delivery.destroy();
    await elapse(t, 3_600_000);
    expect(received).toHaveLength(1);

    // Destroyed while a request is in flight: its failure must not start a new timer.
    let inFlight!: ReturnType<typeof setup>;
    server.use(http.post(endpoint, () => (inFlight.delivery.destroy(), status(503))));
    inFlight = setup([makeEvent()]);
    await inFlight.delivery.flush();
    expect(vi.getTimerCount()).toBe(0);

    const offline = setup([makeEvent()]);
    offline.setOnline(false);
    await offline.delivery.flush();
    expect(offline.listening()).toBe(true);
    offline.delivery.destroy();
    expect(offline.listening()).toBe(false);
  });
});
