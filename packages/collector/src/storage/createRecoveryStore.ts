import { sql, type Selectable } from 'kysely';
import type { Connection } from './connectDatabase';
import type { RecoveryJobsTable } from './tables';

export type RecoveryJob = Selectable<RecoveryJobsTable>;
export type NewRecoveryJob = Omit<RecoveryJob, 'status' | 'attempts' | 'locked_until' | 'detail' | 'sent_at' | 'clicked_at'>;

/** Who an anonymous shopper is, from the newest event that named an email. */
export interface KnownShopper {
  email: string;
  traits: Record<string, unknown>;
}

/** The recovery engine's queries, one set for both dialects (row claiming differs: see claimDue). */
export function createRecoveryStore({ kysely, dialect }: Connection) {
  return {
    async plannedSubjects(subjects: string[]): Promise<Set<string>> {
      if (subjects.length === 0) return new Set();
      const rows = await kysely.selectFrom('recovery_jobs').select('subject').distinct().where('subject', 'in', subjects).execute();
      return new Set(rows.map((row) => row.subject));
    },

    async findShopper(anonymousId: string): Promise<KnownShopper | undefined> {
      const row = await kysely
        .selectFrom('events')
        .select(['email', 'body'])
        .where('anonymous_id', '=', anonymousId)
        .where('email', 'is not', null)
        .orderBy('rowid', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? { email: row.email!, traits: JSON.parse(row.body).traits } : undefined;
    },

    async insertJobs(jobs: NewRecoveryJob[]): Promise<void> {
      if (jobs.length === 0) return;
      await kysely
        .insertInto('recovery_jobs')
        .values(jobs.map((job) => ({ ...job, status: 'queued', attempts: 0 })))
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },

    /**
     * Claims up to `limit` due jobs for this process: they become `sending` with a lease, in one
     * statement. On Postgres, FOR UPDATE SKIP LOCKED lets several processes claim at once without
     * taking the same row; SQLite runs one writer at a time, so the plain statement is enough.
     */
    async claimDue(now: string, leaseUntil: string, limit: number): Promise<RecoveryJob[]> {
      const skipLocked = dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      const { rows } = await sql<RecoveryJob>`
        UPDATE recovery_jobs SET status = 'sending', attempts = attempts + 1, locked_until = ${leaseUntil}
        WHERE id IN (
          SELECT id FROM recovery_jobs WHERE status = 'queued' AND due_at <= ${now}
          ORDER BY due_at, id LIMIT ${limit} ${skipLocked}
        )
        RETURNING *`.execute(kysely);
      return rows;
    },

    async update(id: string, patch: Partial<Omit<RecoveryJob, 'id'>>): Promise<void> {
      await kysely.updateTable('recovery_jobs').set(patch).where('id', '=', id).execute();
    },

    /**
     * Jobs whose process died while sending: the mail may or may not have gone out. They are
     * not sent again (a shopper never gets the same email twice); the dashboard shows them.
     */
    async interruptExpired(now: string): Promise<number> {
      const result = await kysely
        .updateTable('recovery_jobs')
        .set({ status: 'interrupted', detail: 'the collector stopped while sending; not re-sent' })
        .where('status', '=', 'sending')
        .where('locked_until', '<', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async stopQueued(where: { subject?: string; email?: string }, detail: string): Promise<void> {
      let query = kysely.updateTable('recovery_jobs').set({ status: 'stopped', detail }).where('status', '=', 'queued');
      if (where.subject) query = query.where('subject', '=', where.subject);
      if (where.email) query = query.where('email', '=', where.email);
      await query.execute();
    },

    async suppress(email: string, reason: string, at: string): Promise<void> {
      await kysely
        .insertInto('suppressions')
        .values({ email, reason, at })
        .onConflict((conflict) => conflict.column('email').doNothing())
        .execute();
    },

    async suppression(email: string): Promise<string | undefined> {
      const row = await kysely.selectFrom('suppressions').select('reason').where('email', '=', email).executeTakeFirst();
      return row?.reason;
    },

    /**
     * Takes the address's one slot per cap window, atomically (two processes cannot both take
     * it): true when this send may go, false when another recovery email went out too recently.
     */
    async reserveCap(email: string, now: string, windowStart: string): Promise<boolean> {
      const rows = await kysely
        .insertInto('email_caps')
        .values({ email, last_sent_at: now })
        .onConflict((conflict) =>
          conflict.column('email').doUpdateSet({ last_sent_at: now }).where('email_caps.last_sent_at', '<=', windowStart),
        )
        .returning('email')
        .execute();
      return rows.length === 1;
    },

    async releaseCap(email: string, stamp: string): Promise<void> {
      await kysely.deleteFrom('email_caps').where('email', '=', email).where('last_sent_at', '=', stamp).execute();
    },

    async capHolder(email: string): Promise<string | undefined> {
      const row = await kysely.selectFrom('email_caps').select('last_sent_at').where('email', '=', email).executeTakeFirst();
      return row?.last_sent_at;
    },

    /** Why a sequence must stop now, judged on the events after it started; undefined to go on. */
    async stopReason(job: RecoveryJob, now: string): Promise<string | undefined> {
      // A cancel timed within the grace can arrive late (sent again by the next page): the
      // abandonment then no longer counts, by the rule in the README, and is not emailed.
      const { rows: confirmed } = await sql`
        SELECT 1 FROM events e WHERE e.abandonment_id = ${job.subject} AND e.type = 'cart_abandoned'
          AND COALESCE(e.grace_until, e.time) <= ${now}
          AND NOT EXISTS (SELECT 1 FROM events c WHERE c.abandonment_id = e.abandonment_id
            AND c.type = 'abandonment_cancelled' AND c.time BETWEEN e.time AND COALESCE(e.grace_until, e.time))
        LIMIT 1`.execute(kysely);
      if (confirmed.length === 0) return 'cancelled';
      const order = await kysely
        .selectFrom('events')
        .select('id')
        .where('type', '=', 'order_completed')
        .where('time', '>', job.started_at)
        .where((eb) =>
          eb.or([
            eb('anonymous_id', '=', job.anonymous_id),
            eb('email', '=', job.email),
            ...(job.cart_id ? [eb('cart_id', '=', job.cart_id)] : []),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      if (order) return 'ordered';
      if (job.cart_id) {
        const latest = await kysely
          .selectFrom('events')
          .select('body')
          .where('cart_id', '=', job.cart_id)
          .where('type', '=', 'cart_updated')
          .where('time', '>', job.started_at)
          .orderBy('time', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (latest && JSON.parse(latest.body).cart?.count === 0) return 'cart_emptied';
      }
      return undefined;
    },

    /** Addresses whose last order is older than `cutoff`, with the shopper who placed it. */
    async lapsedCustomers(cutoff: string): Promise<Array<{ email: string; lastOrderAt: string; anonymousId: string }>> {
      const rows = await kysely
        .selectFrom('events')
        .select(['email', 'anonymous_id', 'time'])
        .where('type', '=', 'order_completed')
        .where('email', 'is not', null)
        .orderBy('time', 'desc')
        .execute();
      const latest = new Map<string, { email: string; lastOrderAt: string; anonymousId: string }>();
      for (const row of rows) {
        if (!latest.has(row.email!)) latest.set(row.email!, { email: row.email!, lastOrderAt: row.time, anonymousId: row.anonymous_id });
      }
      return [...latest.values()].filter((customer) => customer.lastOrderAt <= cutoff);
    },

    /** A win-back stops with any order from the address or its shopper after its last one. */
    async winBackStopReason(job: RecoveryJob): Promise<string | undefined> {
      const lastOrderAt = job.subject.split(':').slice(2).join(':');
      const order = await kysely
        .selectFrom('events')
        .select('id')
        .where('type', '=', 'order_completed')
        .where('time', '>', lastOrderAt)
        .where((eb) => eb.or([eb('anonymous_id', '=', job.anonymous_id), eb('email', '=', job.email)]))
        .limit(1)
        .executeTakeFirst();
      return order ? 'ordered' : undefined;
    },

    findJob: (id: string) => kysely.selectFrom('recovery_jobs').selectAll().where('id', '=', id).executeTakeFirst(),

    async markClicked(id: string, at: string): Promise<void> {
      await kysely.updateTable('recovery_jobs').set({ clicked_at: at }).where('id', '=', id).where('clicked_at', 'is', null).execute();
    },

    listJobs: (limit: number) => kysely.selectFrom('recovery_jobs').selectAll().orderBy('due_at', 'desc').limit(limit).execute(),
  };
}

export type RecoveryStore = ReturnType<typeof createRecoveryStore>;
