import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { createTicker } from '../createTicker';
import { createRecoveryStore, type NewRecoveryJob, type RecoveryJob } from '../storage/createRecoveryStore';
import type { CollectorDatabase } from '../storage/openDatabase';
import { parseDelay } from './parseDelay';
import type { RecoveryConfig, StepConfig } from './recoveryConfig';
import { renderRecoveryEmail, type EmailPayload } from './renderRecoveryEmail';
import { signLink } from './signLink';

export interface RecoveryEngineOptions {
  db: CollectorDatabase;
  config: RecoveryConfig;
  /** A nodemailer transport (SMTP in production, captured in tests). */
  transport: Pick<Transporter, 'sendMail'>;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Milliseconds between ticks once started. */
  intervalMs?: number;
}

export interface RecoveryEngine {
  /** One round: expire dead claims, plan new sequences, send what is due. */
  tick(): Promise<void>;
  /** Ticks every `intervalMs` until destroy(). */
  start(): void;
  destroy(): Promise<void>;
  /** The link tokens of a job, for the routes and the dashboard's preview. */
  links(job: RecoveryJob): { restoreUrl: string; unsubscribeUrl: string };
  render(job: RecoveryJob): ReturnType<typeof renderRecoveryEmail>;
  store: ReturnType<typeof createRecoveryStore>;
}

/** A claim older than this is a process that died while sending. */
const leaseMs = 5 * 60_000;
/** SMTP down or 4xx: tried again after 1, 2, 4 ... minutes, at most 6 hours apart; then given up. */
export const maxSendAttempts = 8;
const batchSize = 20;

export function createRecoveryEngine({ db, config, transport, now = () => new Date(), intervalMs = 10_000 }: RecoveryEngineOptions): RecoveryEngine {
  const store = createRecoveryStore(db);
  const capMs = config.frequencyCapHours * 3_600_000;
  const stepsOf = (job: Pick<RecoveryJob, 'sequence'>) => (job.sequence === 'recovery' ? config.recovery.steps : config.winBack.steps);

  const links = (job: RecoveryJob) => {
    const exp = Math.floor((Date.parse(job.due_at) + config.linkValidDays * 86_400_000) / 1000);
    const base = config.publicUrl.replace(/\/$/, '');
    return {
      restoreUrl: `${base}/r/${signLink(config.secret, { kind: 'r', job: job.id, exp })}`,
      // Unsubscribing keeps working long after the cart link expires.
      unsubscribeUrl: `${base}/u/${signLink(config.secret, { kind: 'u', job: job.id, exp: exp + 365 * 86_400 })}`,
    };
  };
  const render = (job: RecoveryJob) => {
    const step = stepsOf(job)[job.step]!;
    const sentAt = job.sent_at ? new Date(job.sent_at) : now();
    return renderRecoveryEmail({
      step,
      storeName: config.store.name,
      payload: JSON.parse(job.payload) as EmailPayload,
      ...links(job),
      sequence: job.sequence,
      ...(step.offer && { offerEndsAt: new Date(sentAt.getTime() + step.offer.validForHours * 3_600_000) }),
    });
  };

  async function planRecovery(at: Date): Promise<void> {
    const horizon = Math.max(...config.recovery.steps.map((step) => parseDelay(step.delay)!)) + 86_400_000;
    const carts = (await db.abandonedCarts(500, at)).filter(
      (cart) => !cart.recovered && at.getTime() - Date.parse(cart.confirmedAt) <= horizon,
    );
    const planned = await store.plannedSubjects(carts.map((cart) => cart.abandonmentId));
    for (const cart of carts) {
      if (planned.has(cart.abandonmentId)) continue;
      const shopper = await store.findShopper(cart.anonymousId);
      // Anonymous carts, and shoppers who did not accept marketing, are counted but never emailed.
      if (!shopper || shopper.traits.acceptsMarketing !== true || (await store.suppression(shopper.email))) continue;
      const payload: EmailPayload = {
        ...(typeof shopper.traits.firstName === 'string' && { firstName: shopper.traits.firstName }),
        cart: { id: cart.cartId, items: cart.items as NonNullable<EmailPayload['cart']>['items'], value: cart.value, currency: cart.currency, count: cart.count },
      };
      await store.insertJobs(
        jobsFor('recovery', cart.abandonmentId, config.recovery.steps, {
          email: shopper.email,
          anonymous_id: cart.anonymousId,
          cart_id: cart.cartId,
          started_at: cart.confirmedAt,
          payload: JSON.stringify(payload),
        }),
      );
    }
  }

  async function planWinBack(at: Date): Promise<void> {
    if (!config.winBack.enabled) return;
    const cutoff = new Date(at.getTime() - config.winBack.afterDays * 86_400_000).toISOString();
    for (const customer of await store.lapsedCustomers(cutoff)) {
      // The key names the address only through an HMAC, and changes with each new order.
      const key = createHmac('sha256', config.secret).update(customer.email).digest('hex').slice(0, 24);
      const subject = `winback:${key}:${customer.lastOrderAt}`;
      if ((await store.plannedSubjects([subject])).size > 0) continue;
      const shopper = await store.findShopper(customer.anonymousId);
      if (!shopper || shopper.traits.acceptsMarketing !== true || (await store.suppression(customer.email))) continue;
      const startedAt = new Date(Date.parse(customer.lastOrderAt) + config.winBack.afterDays * 86_400_000).toISOString();
      const firstName = typeof shopper.traits.firstName === 'string' ? { firstName: shopper.traits.firstName } : {};
      await store.insertJobs(
        jobsFor('winback', subject, config.winBack.steps, {
          email: customer.email,
          anonymous_id: customer.anonymousId,
          cart_id: null,
          started_at: startedAt,
          payload: JSON.stringify(firstName),
        }),
      );
    }
  }

  async function sendOne(job: RecoveryJob, at: Date): Promise<void> {
    const atIso = at.toISOString();
    const suppressed = await store.suppression(job.email);
    if (suppressed) return store.update(job.id, { status: 'stopped', detail: suppressed });
    const reason = job.sequence === 'recovery' ? await store.stopReason(job, atIso) : await store.winBackStopReason(job);
    if (reason) {
      await store.stopQueued({ subject: job.subject }, reason);
      return store.update(job.id, { status: 'stopped', detail: reason });
    }
    if (!(await store.reserveCap(job.email, atIso, new Date(at.getTime() - capMs).toISOString()))) {
      // Another recovery email reached this address too recently: wait for the cap to pass.
      const holder = (await store.capHolder(job.email)) ?? atIso;
      const due = new Date(Math.max(Date.parse(holder) + capMs, at.getTime() + 1000)).toISOString();
      return store.update(job.id, { status: 'queued', due_at: due, attempts: job.attempts - 1, locked_until: null, detail: 'frequency cap' });
    }
    const email = render({ ...job, sent_at: atIso });
    const { unsubscribeUrl } = links(job);
    try {
      await transport.sendMail({
        from: config.from,
        to: job.email,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'X-Cartback-Job': job.id,
        },
      });
    } catch (error) {
      await store.releaseCap(job.email, atIso);
      const code = (error as { responseCode?: number }).responseCode;
      const detail = `${code ?? ''} ${(error as Error).message}`.trim().slice(0, 500);
      if (code !== undefined && code >= 500) {
        // A permanent refusal of this address: never try it again.
        await store.suppress(job.email, 'undeliverable', atIso);
        await store.stopQueued({ email: job.email }, 'undeliverable');
        return store.update(job.id, { status: 'undeliverable', detail, locked_until: null });
      }
      if (job.attempts >= maxSendAttempts) return store.update(job.id, { status: 'failed', detail, locked_until: null });
      const backoff = Math.min(60_000 * 2 ** (job.attempts - 1), 6 * 3_600_000);
      return store.update(job.id, { status: 'queued', due_at: new Date(at.getTime() + backoff).toISOString(), detail, locked_until: null });
    }
    await store.update(job.id, { status: 'sent', sent_at: atIso, locked_until: null, detail: null });
  }

  async function tick(): Promise<void> {
    const at = now();
    await store.interruptExpired(at.toISOString());
    await planRecovery(at);
    await planWinBack(at);
    for (;;) {
      const jobs = await store.claimDue(at.toISOString(), new Date(at.getTime() + leaseMs).toISOString(), batchSize);
      for (const job of jobs) await sendOne(job, at);
      if (jobs.length < batchSize) break;
    }
  }

  const ticker = createTicker(tick, intervalMs, 'sending recovery emails');
  return {
    tick,
    start: ticker.start,
    destroy: ticker.destroy,
    links,
    render,
    store,
  };
}

function jobsFor(
  sequence: RecoveryJob['sequence'],
  subject: string,
  steps: StepConfig[],
  fields: Pick<NewRecoveryJob, 'email' | 'anonymous_id' | 'cart_id' | 'started_at' | 'payload'>,
): NewRecoveryJob[] {
  return steps.map((step, index) => ({
    id: `${sequence}:${subject}:${index}`,
    sequence,
    subject,
    step: index,
    due_at: new Date(Date.parse(fields.started_at) + parseDelay(step.delay)!).toISOString(),
    ...fields,
  }));
}
