import nodemailer from 'nodemailer';
import { afterEach, beforeEach } from 'vitest';
import { makeBatch, makeCart, makeEvent } from '../makeEvent';
import type { RecoveryConfig } from '../recovery/recoveryConfig';
import { defaultRecovery, defaultWinBack } from '../recovery/recoveryConfig';
import { startTestCollector, type TestCollector } from '../startTestCollector';
import type { StorageOptions } from '../storage/connectDatabase';
import type { TestStorage } from './describeStorage';
import { startMailCatcher, type MailCatcher } from './startMailCatcher';

export const t0 = Date.parse('2026-03-01T10:00:00.000Z');
export const hours = (count: number) => count * 3_600_000;

export interface RecoveryFixture {
  c: TestCollector;
  mail: MailCatcher;
  config: RecoveryConfig;
  options: StorageOptions;
  /** The injected clock: set it, then tick. */
  clock: { ms: number };
  tick(): Promise<void>;
  /** Moves the clock to t0 + `ms` and ticks. */
  at(ms: number): Promise<void>;
  /** A shopper who gave an email and accepted marketing abandons cart `cartId` at the clock's time. */
  abandon(options?: { cartId?: string; anonymousId?: string; email?: string; acceptsMarketing?: boolean }): Promise<string>;
  /** Another collector on the same store and SMTP (a second process). */
  startSibling(): Promise<TestCollector>;
}

export function testConfig(smtpUrl: string): RecoveryConfig {
  return {
    store: { name: 'Fernhill Coffee', restoreUrl: 'https://shop.example/cart/{items}?discount={code}' },
    from: 'Fernhill Coffee <hello@fernhill.example>',
    publicUrl: 'http://collector.invalid',
    smtpUrl,
    secret: 'test-secret-test-secret-test-secret-0123',
    frequencyCapHours: 24,
    linkValidDays: 14,
    pollSeconds: 10,
    recovery: defaultRecovery,
    winBack: defaultWinBack,
  };
}

/** A collector with recovery emails on `storage`, a real SMTP catcher and a clock the test moves. */
export function useRecoveryFixture(storage: TestStorage, adjust: (config: RecoveryConfig) => void = () => {}): RecoveryFixture {
  const fixture = { clock: { ms: t0 } } as RecoveryFixture;
  const started: TestCollector[] = [];
  let drop: () => Promise<void>;

  const start = async () => {
    const c = await startTestCollector(undefined, fixture.options, {
      config: fixture.config,
      transport: nodemailer.createTransport(fixture.mail.smtpUrl),
      now: () => new Date(fixture.clock.ms),
      intervalMs: 0,
    });
    started.push(c);
    return c;
  };

  beforeEach(async () => {
    fixture.clock.ms = t0;
    const created = await storage.create();
    fixture.options = created.options;
    drop = created.drop;
    fixture.mail = await startMailCatcher();
    fixture.config = testConfig(fixture.mail.smtpUrl);
    adjust(fixture.config);
    fixture.c = await start();
    fixture.config.publicUrl = fixture.c.url;
  });
  afterEach(async () => {
    for (const c of started.splice(0)) await c.stop();
    await fixture.mail.close();
    await drop();
  });

  fixture.tick = () => fixture.c.collector.recovery!.tick();
  fixture.at = async (ms) => {
    fixture.clock.ms = t0 + ms;
    await fixture.tick();
  };
  fixture.startSibling = start;
  fixture.abandon = async ({ cartId = 'cart-1', anonymousId = '6f1c2c1e-8d7a-4b51-9a3e-2f4d5c6b7a80', email = 'ann@example.com', acceptsMarketing = true } = {}) => {
    const time = new Date(fixture.clock.ms).toISOString();
    const cart = makeCart({
      id: cartId,
      items: [{ id: 'sku-1', variant: 'v-1', name: 'Mug <Blue>', price: 12.5, quantity: 2, image: 'https://shop.example/mug.jpg' }],
    });
    const response = await fixture.c.post(
      makeBatch([
        makeEvent('identified', { anonymousId, time, traits: { email, firstName: 'Ann', acceptsMarketing } }),
        makeEvent('cart_abandoned', { anonymousId, time, graceUntil: time, reason: 'idle', cart, abandonmentId: `${cartId}:3` }),
      ]),
    );
    if (response.status !== 200) throw new Error(`abandon: ${response.status} ${JSON.stringify(response.body)}`);
    return `${cartId}:3`;
  };
  return fixture;
}
