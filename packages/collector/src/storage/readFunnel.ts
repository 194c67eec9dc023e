import { sql } from 'kysely';
import { abandonmentsSql } from './abandonmentsSql';
import type { CollectorDatabase } from './openDatabase';

export interface Funnel {
  abandoned: number;
  /** Of those, carts whose shopper had given an email. */
  withEmail: number;
  /** Recovery emails sent, by step (index 0 = the first email). */
  emailed: number[];
  /** Abandonments whose email link was opened at least once. */
  clicked: number;
  /** Orders the SDK attributed to a recovery link (`attribution` includes `link`). */
  recoveredOrders: number;
  /** Their revenue, by currency. */
  recoveredRevenue: Record<string, number>;
  /** Per UTC day: emails sent, links opened, recovered orders. */
  daily: Array<{ day: string; sent: number; clicked: number; recovered: number }>;
}

/** The dashboard's funnel: abandoned -> with an email -> email 1/2/3 sent -> link opened -> recovered orders and revenue. */
export async function readFunnel({ kysely }: CollectorDatabase, now = new Date()): Promise<Funnel> {
  const { rows: [counts] } = await sql<{ abandoned: number; withEmail: number }>`${abandonmentsSql(now.toISOString())} SELECT
    (SELECT CAST(COUNT(*) AS INTEGER) FROM abandonments) AS "abandoned",
    (SELECT CAST(COUNT(*) AS INTEGER) FROM abandonments a WHERE EXISTS (
      SELECT 1 FROM events x WHERE x.anonymous_id = a.anonymous_id AND x.email IS NOT NULL)) AS "withEmail"`.execute(kysely);
  const jobs = await kysely
    .selectFrom('recovery_jobs')
    .select(['subject', 'step', 'status', 'sent_at', 'clicked_at'])
    .where('sequence', '=', 'recovery')
    .execute();
  const orders = await kysely.selectFrom('events').select(['time', 'body']).where('type', '=', 'order_completed').execute();

  const emailed: number[] = [];
  const clickedSubjects = new Set<string>();
  const days = new Map<string, { day: string; sent: number; clicked: number; recovered: number }>();
  const dayOf = (iso: string) => {
    const day = iso.slice(0, 10);
    if (!days.has(day)) days.set(day, { day, sent: 0, clicked: 0, recovered: 0 });
    return days.get(day)!;
  };
  for (const job of jobs) {
    if (job.status === 'sent' && job.sent_at) {
      emailed[job.step] = (emailed[job.step] ?? 0) + 1;
      dayOf(job.sent_at).sent++;
    }
    if (job.clicked_at) {
      clickedSubjects.add(job.subject);
      dayOf(job.clicked_at).clicked++;
    }
  }
  let recoveredOrders = 0;
  const recoveredRevenue: Record<string, number> = {};
  for (const order of orders) {
    const event = JSON.parse(order.body);
    if (!Array.isArray(event.attribution) || !event.attribution.includes('link')) continue;
    recoveredOrders++;
    dayOf(order.time).recovered++;
    const currency = event.order?.currency ?? event.cart?.currency ?? 'EUR';
    // Minor units while adding, so that cents do not drift.
    recoveredRevenue[currency] = Math.round(((recoveredRevenue[currency] ?? 0) * 100 + (event.order?.value ?? 0) * 100)) / 100;
  }
  return {
    abandoned: counts!.abandoned,
    withEmail: counts!.withEmail,
    emailed: Array.from(emailed, (count) => count ?? 0),
    clicked: clickedSubjects.size,
    recoveredOrders,
    recoveredRevenue,
    daily: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
