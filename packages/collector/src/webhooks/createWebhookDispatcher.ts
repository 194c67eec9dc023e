import { sql } from 'kysely';
import type { ValidEvent } from '../createEventValidator';
import { createTicker } from '../createTicker';
import type { CollectorDatabase } from '../storage/openDatabase';
import type { WebhookConfig } from './loadWebhooks';
import { signWebhook } from './signWebhook';

export interface WebhookDispatcherOptions {
  db: CollectorDatabase;
  webhooks: WebhookConfig[];
  now?: () => Date;
  intervalMs?: number;
  /** Per request. */
  timeoutMs?: number;
}

/** After this many failed attempts (about 3 hours with the backoff below) a delivery is `failed`. */
export const maxWebhookAttempts = 10;
const leaseMs = 60_000;

/**
 * Forwards stored events to the webhooks that asked for their type. Deliveries are rows in
 * the database (queued once per URL and event), claimed like recovery jobs, POSTed signed,
 * retried after 30 s, 1, 2, 4 ... minutes (at most an hour apart) on a network error or a
 * non-2xx, and marked failed after maxWebhookAttempts, visible on the dashboard.
 */
export function createWebhookDispatcher({ db, webhooks, now = () => new Date(), intervalMs = 5_000, timeoutMs = 10_000 }: WebhookDispatcherOptions) {
  const { kysely, dialect } = db;
  const secrets = new Map(webhooks.map((webhook) => [webhook.url, webhook.secret]));

  async function enqueue(events: ValidEvent[], receivedAt: string): Promise<void> {
    const due = now().toISOString();
    const rows = webhooks.flatMap((webhook) =>
      events
        .filter((event) => webhook.events.includes('*') || webhook.events.includes(event.type))
        .map((event) => ({
          id: `${webhook.url}#${event.id}`,
          url: webhook.url,
          event_id: event.id,
          event_type: event.type,
          created_at: receivedAt,
          due_at: due,
          status: 'queued',
          attempts: 0,
        })),
    );
    if (rows.length === 0) return;
    await kysely.insertInto('webhook_deliveries').values(rows).onConflict((conflict) => conflict.column('id').doNothing()).execute();
  }

  async function deliver(delivery: { id: string; url: string; event_id: string; attempts: number }, at: Date): Promise<void> {
    const event = await kysely.selectFrom('events').select('body').where('id', '=', delivery.event_id).executeTakeFirst();
    const secret = secrets.get(delivery.url);
    if (!event || !secret) {
      return void (await kysely.updateTable('webhook_deliveries').set({ status: 'failed', last_error: 'webhook or event no longer configured', locked_until: null }).where('id', '=', delivery.id).execute());
    }
    let error: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'cartback-collector',
          'Cartback-Event-Id': delivery.event_id,
          'Cartback-Signature': signWebhook(secret, event.body, Math.floor(at.getTime() / 1000)),
        },
        body: event.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = (caught as Error).message;
    }
    const done = (patch: Record<string, unknown>) =>
      kysely.updateTable('webhook_deliveries').set({ locked_until: null, ...patch }).where('id', '=', delivery.id).execute();
    if (!error) return void (await done({ status: 'delivered', delivered_at: at.toISOString(), last_error: null }));
    if (delivery.attempts >= maxWebhookAttempts) return void (await done({ status: 'failed', last_error: error }));
    const backoff = Math.min(30_000 * 2 ** (delivery.attempts - 1), 3_600_000);
    await done({ status: 'queued', last_error: error, due_at: new Date(at.getTime() + backoff).toISOString() });
  }

  async function tick(): Promise<void> {
    const at = now();
    const atIso = at.toISOString();
    // A process that died mid-request: deliver again (receivers dedupe by Cartback-Event-Id).
    await kysely.updateTable('webhook_deliveries').set({ status: 'queued' }).where('status', '=', 'sending').where('locked_until', '<', atIso).execute();
    for (;;) {
      const skipLocked = dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      const { rows } = await sql<{ id: string; url: string; event_id: string; attempts: number }>`
        UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1, locked_until = ${new Date(at.getTime() + leaseMs).toISOString()}
        WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'queued' AND due_at <= ${atIso} ORDER BY due_at, id LIMIT 20 ${skipLocked})
        RETURNING id, url, event_id, attempts`.execute(kysely);
      await Promise.all(rows.map((row) => deliver(row, at)));
      if (rows.length < 20) break;
    }
  }

  const ticker = createTicker(tick, intervalMs, 'delivering webhooks');
  return {
    enqueue,
    tick,
    start: ticker.start,
    destroy: ticker.destroy,
    /** What the dashboard shows: counts by status, and the latest failures. */
    async summary() {
      const counts = await kysely
        .selectFrom('webhook_deliveries')
        .select(['status', sql<number>`CAST(COUNT(*) AS INTEGER)`.as('count')])
        .groupBy('status')
        .execute();
      const failed = await kysely
        .selectFrom('webhook_deliveries')
        .select(['url', 'event_id', 'event_type', 'attempts', 'last_error', 'created_at'])
        .where('status', '=', 'failed')
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute();
      return { counts: Object.fromEntries(counts.map((row) => [row.status, row.count])), failed };
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
