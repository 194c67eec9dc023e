import { describe, expect, it } from 'vitest';
import { makeBatch, makeCart, makeEvent } from '../makeEvent';
import { describeStorage } from '../testing/describeStorage';
import { hours, t0, useRecoveryFixture } from '../testing/recoveryFixture';

const restoreLinkOf = (text: string) => /Return to your cart: (\S+)/.exec(text)![1]!;
const shopper = '6f1c2c1e-8d7a-4b51-9a3e-2f4d5c6b7a80';
const iso = (ms: number) => new Date(t0 + ms).toISOString();

describeStorage((storage) => {
  const f = useRecoveryFixture(storage);
  const jobs = async () =>
    (await f.c.collector.recovery!.store.listJobs(100)).map((job) => `${job.id} ${job.status}${job.detail ? ` (${job.detail})` : ''}`).sort();

  describe('the 1 h / 24 h / 72 h sequence', () => {
    it('sends each step once, at its time, with the cart, a signed restore link and one-click unsubscribe', async () => {
      await f.abandon();
      await f.at(hours(1) - 1000);
      expect(f.mail.mails).toHaveLength(0);
      await f.at(hours(1));
      await f.at(hours(1) + 5000);
      expect(f.mail.mails.map((mail) => mail.subject)).toEqual(['You left something in your cart']);

      const [first] = f.mail.mails;
      expect(first!.to).toBe('ann@example.com');
      expect(first!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const unsubscribe = String(first!.header('list-unsubscribe'));
      expect(unsubscribe).toMatch(new RegExp(`^<${f.c.url}/u/[\\w-]+\\.[\\w-]+>$`));
      expect(first!.text).toContain('Hi Ann, your cart at Fernhill Coffee is saved: 2 items, €25.00.');
      expect(first!.text).toContain('- Mug <Blue> x 2: €25.00');
      expect(first!.text).toContain('You got this email because you left items in your cart at Fernhill Coffee and agreed to hear from us.');
      expect(first!.html).toContain('<img src="https://shop.example/mug.jpg"');
      expect(first!.html).toContain('Mug &lt;Blue&gt; &times; 2');
      const link = restoreLinkOf(first!.text);
      expect(first!.html).toContain(`href="${link}"`);
      // No personal data in the link: neither the address nor the name.
      expect(decodeURIComponent(link)).not.toMatch(/ann|example\.com/i);
      expect(Buffer.from(link.split('/r/')[1]!.split('.')[0]!, 'base64url').toString()).not.toMatch(/ann/i);

      const landing = await fetch(link, { redirect: 'manual' });
      expect(landing.status).toBe(303);
      expect(landing.headers.get('location')).toBe('https://shop.example/cart/v-1:2?discount=&cb_recover=cart-1%3A3');

      // The 24 h email waits for the frequency cap: 24 hours after the first, at 25 h.
      await f.at(hours(24));
      expect(f.mail.mails).toHaveLength(1);
      await f.at(hours(25));
      await f.at(hours(72));
      await f.at(hours(200));
      expect(f.mail.mails.map((mail) => mail.subject)).toEqual([
        'You left something in your cart',
        'Still thinking it over?',
        '10% off your cart, for 48 hours',
      ]);
      expect(f.mail.mails[2]!.text).toContain('here is 10% off your cart with the code COMEBACK10, valid until Fri, 06 Mar 2026 10:00 UTC');
      const offerLanding = await fetch(restoreLinkOf(f.mail.mails[2]!.text), { redirect: 'manual' });
      expect(offerLanding.headers.get('location')).toBe('https://shop.example/cart/v-1:2?discount=COMEBACK10&cb_recover=cart-1%3A3');
      expect(await jobs()).toEqual(['recovery:cart-1:3:0 sent', 'recovery:cart-1:3:1 sent', 'recovery:cart-1:3:2 sent']);
    });

    it('never emails an anonymous cart, or a shopper who did not accept marketing', async () => {
      await f.c.post(makeBatch([makeEvent('cart_abandoned', { time: iso(0), graceUntil: iso(0), cart: makeCart({ id: 'anon' }), abandonmentId: 'anon:3' })]));
      await f.abandon({ cartId: 'cart-2', anonymousId: '22222222-2222-4222-8222-222222222222', email: 'bo@example.com', acceptsMarketing: false });
      await f.at(hours(100));
      expect(f.mail.mails).toHaveLength(0);
      expect(await jobs()).toEqual([]);
    });
  });

  describe('stop rules', () => {
    it('stops when the shopper orders', async () => {
      await f.abandon();
      await f.at(hours(1));
      await f.c.post(makeBatch([makeEvent('order_completed', { anonymousId: shopper, time: iso(hours(2)) })]));
      await f.at(hours(100));
      expect(f.mail.mails).toHaveLength(1);
      expect(await jobs()).toEqual(['recovery:cart-1:3:0 sent', 'recovery:cart-1:3:1 stopped (ordered)', 'recovery:cart-1:3:2 stopped (ordered)']);
    });

    it('stops when an order comes from the same address on another device', async () => {
      await f.abandon();
      await f.c.post(
        makeBatch([
          makeEvent('order_completed', { anonymousId: '33333333-3333-4333-8333-333333333333', traits: { email: 'Ann@Example.com' }, time: iso(hours(0.5)) }),
        ]),
      );
      await f.at(hours(100));
      expect(f.mail.mails).toHaveLength(0);
    });

    it('does not email an abandonment cancelled within its grace by a cancel that arrived late', async () => {
      const cart = makeCart();
      await f.c.post(
        makeBatch([
          makeEvent('identified', { anonymousId: shopper, time: iso(0), traits: { email: 'ann@example.com', acceptsMarketing: true } }),
          makeEvent('cart_abandoned', { anonymousId: shopper, time: iso(0), graceUntil: iso(30_000), reason: 'tab_closed', cart, abandonmentId: 'cart-1:3' }),
        ]),
      );
      await f.at(60_000);
      expect(await jobs()).toContain('recovery:cart-1:3:0 queued');
      // The next page's cancel, timed within the grace, reaches the collector a minute late.
      await f.c.post(makeBatch([makeEvent('abandonment_cancelled', { anonymousId: shopper, time: iso(10_000), cart, abandonmentId: 'cart-1:3' })]));
      await f.at(hours(100));
      expect(f.mail.mails).toHaveLength(0);
      expect(await jobs()).toContain('recovery:cart-1:3:0 stopped (cancelled)');
    });

    it('stops when the cart is emptied, but not when the shopper only came back', async () => {
      await f.abandon();
      await f.c.post(makeBatch([makeEvent('cart_returned', { anonymousId: shopper, cart: makeCart(), time: iso(hours(0.5)) })]));
      await f.at(hours(1));
      expect(f.mail.mails).toHaveLength(1);
      await f.c.post(
        makeBatch([makeEvent('cart_updated', { anonymousId: shopper, cart: makeCart({ version: 4, items: [], value: 0, count: 0 }), time: iso(hours(2)) })]),
      );
      await f.at(hours(100));
      expect(f.mail.mails).toHaveLength(1);
      expect(await jobs()).toContain('recovery:cart-1:3:1 stopped (cart_emptied)');
    });

    it('stops every sequence of an address after a one-click unsubscribe; a GET alone does not unsubscribe', async () => {
      await f.abandon();
      await f.at(hours(1));
      const unsubscribe = String(f.mail.mails[0]!.header('list-unsubscribe')).slice(1, -1);
      const confirm = await fetch(unsubscribe);
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('<button type="submit">Unsubscribe</button>');
      await f.at(hours(25));
      expect(f.mail.mails).toHaveLength(2);

      const oneClick = await fetch(unsubscribe, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      await f.abandon({ cartId: 'cart-9' });
      await f.at(hours(200));
      expect(f.mail.mails).toHaveLength(2);
      expect(await jobs()).toContain('recovery:cart-1:3:2 stopped (unsubscribed)');
      expect(await jobs()).not.toContain('recovery:cart-9:3:0 queued');
    });
  });

  it('sends at most one recovery email per address per 24 hours, across carts', async () => {
    await f.abandon({ cartId: 'cart-a' });
    await f.abandon({ cartId: 'cart-b' });
    await f.at(hours(1));
    expect(f.mail.mails).toHaveLength(1);
    await f.at(hours(24));
    expect(f.mail.mails).toHaveLength(1);
    await f.at(hours(25));
    expect(f.mail.mails).toHaveLength(2);
    await f.at(hours(48));
    expect(f.mail.mails).toHaveLength(2);
    await f.at(hours(49));
    expect(f.mail.mails).toHaveLength(3);
  });

  it('picks up after a restart in the middle of a sequence, sending nothing twice', async () => {
    await f.abandon();
    await f.at(hours(1));
    await f.c.stop();
    f.c = await f.startSibling();
    await f.at(hours(1) + 1000);
    expect(f.mail.mails).toHaveLength(1);
    await f.at(hours(25));
    expect(f.mail.mails.map((mail) => mail.subject)).toEqual(['You left something in your cart', 'Still thinking it over?']);
  });

  describe('SMTP failures', () => {
    it('retries with backoff while the server answers 4xx, keeping the job queued', async () => {
      await f.abandon();
      f.mail.failNext(451, 2);
      await f.at(hours(1));
      expect(f.mail.mails).toHaveLength(0);
      expect(await jobs()).toContainEqual(expect.stringMatching(/^recovery:cart-1:3:0 queued \(451 /));
      await f.at(hours(1) + 60_000);
      expect(f.mail.mails).toHaveLength(0);
      // The second retry waits twice as long.
      await f.at(hours(1) + 60_000 + 119_000);
      expect(f.mail.mails).toHaveLength(0);
      await f.at(hours(1) + 60_000 + 120_000);
      expect(f.mail.mails).toHaveLength(1);
    });

    it('retries while the server is down', async () => {
      await f.abandon();
      f.config.smtpUrl = 'unused';
      await f.mail.close();
      await f.at(hours(1));
      expect(await jobs()).toContainEqual(expect.stringMatching(/^recovery:cart-1:3:0 queued \(.*ECONNREFUSED/));
    });

    it('marks an address undeliverable on a 5xx and stops its sequences', async () => {
      await f.abandon();
      f.mail.failNext(550);
      await f.at(hours(1));
      await f.at(hours(100));
      expect(f.mail.mails).toHaveLength(0);
      expect(await jobs()).toEqual([
        expect.stringMatching(/^recovery:cart-1:3:0 undeliverable \(550 /),
        'recovery:cart-1:3:1 stopped (undeliverable)',
        'recovery:cart-1:3:2 stopped (undeliverable)',
      ]);
    });
  });

  it('does not send again a job whose sender died between claiming and recording it', async () => {
    await f.abandon();
    await f.at(0);
    const store = f.c.collector.recovery!.store;
    // A process claims the first email and dies before recording the outcome.
    expect(await store.claimDue(iso(hours(1)), iso(hours(1) + 300_000), 1)).toHaveLength(1);
    await f.at(hours(1) + 300_001);
    expect(f.mail.mails).toHaveLength(0);
    expect(await jobs()).toContain('recovery:cart-1:3:0 interrupted (the collector stopped while sending; not re-sent)');
  });

  it('answers a tampered, expired or foreign restore link with the same page, revealing nothing', async () => {
    await f.abandon();
    await f.at(hours(1));
    const link = restoreLinkOf(f.mail.mails[0]!.text);
    const [body, signature] = link.split('/r/')[1]!.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, job: 'recovery:cart-2:1:0' })).toString('base64url');
    const answers = [];
    for (const url of [`${f.c.url}/r/${forged}.${signature}`, `${link}x`, `${f.c.url}/r/nothing`]) {
      const response = await fetch(url, { redirect: 'manual' });
      answers.push({ status: response.status, body: await response.text() });
    }
    f.clock.ms = t0 + hours(1) + 15 * 24 * hours(1);
    const expired = await fetch(link, { redirect: 'manual' });
    answers.push({ status: expired.status, body: await expired.text() });
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]!.status).toBe(404);
  });

  it('shows the funnel: abandoned, with an email, emails sent by step, links opened, recovered orders and revenue; and previews an email', async () => {
    await f.abandon();
    await f.c.post(makeBatch([makeEvent('cart_abandoned', { time: iso(0), graceUntil: iso(0), anonymousId: '44444444-4444-4444-8444-444444444444', cart: makeCart({ id: 'anon' }), abandonmentId: 'anon:3' })]));
    await f.at(hours(1));
    await fetch(restoreLinkOf(f.mail.mails[0]!.text), { redirect: 'manual' });
    await f.c.post(
      makeBatch([makeEvent('order_completed', { anonymousId: shopper, time: iso(hours(2)), attribution: ['link'], order: { orderId: 'o-9', value: 25.1, currency: 'EUR' } })]),
    );
    const { body } = await f.c.get('/api/funnel');
    expect(body).toMatchObject({ abandoned: 2, withEmail: 1, emailed: [1], clicked: 1, recoveredOrders: 1, recoveredRevenue: { EUR: 25.1 } });
    expect(body.daily).toEqual([{ day: '2026-03-01', sent: 1, clicked: 1, recovered: 1 }]);

    const { emails } = (await f.c.get('/api/emails')).body;
    const first = emails.find((email: { step: number }) => email.step === 0);
    expect(first).toMatchObject({ id: 'recovery:cart-1:3:0', status: 'sent', email: 'ann@example.com' });
    const preview = await fetch(`${f.c.url}/api/email-preview?id=${encodeURIComponent(first.id)}`);
    expect(preview.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await preview.text()).toContain('Hi Ann, your cart at Fernhill Coffee is saved');
  });
});

describeStorage((storage) => {
  const f = useRecoveryFixture(storage, (config) => {
    config.winBack.enabled = true;
  });
  const days = (count: number) => count * 24 * hours(1);

  it('runs win-back on the same engine: a customer with no order for 90 days gets its email once; a new order stops it', async () => {
    const customer = (anonymousId: string, email: string, orderId: string, at: number) =>
      makeEvent('order_completed', {
        anonymousId,
        time: iso(at),
        traits: { email, firstName: 'Ann', acceptsMarketing: true },
        order: { orderId, value: 30, currency: 'EUR' },
      });
    await f.c.post(
      makeBatch([
        customer(shopper, 'ann@example.com', 'o-1', 0),
        customer('55555555-5555-4555-8555-555555555555', 'cy@example.com', 'o-2', 0),
      ]),
    );
    await f.at(days(90) - 1000);
    expect(f.mail.mails).toHaveLength(0);
    // Cy orders again before the win-back is sent: no email for Cy.
    await f.c.post(makeBatch([customer('55555555-5555-4555-8555-555555555555', 'cy@example.com', 'o-3', days(90) - 500)]));
    await f.at(days(90));
    await f.at(days(91));
    expect(f.mail.mails.map((mail) => [mail.to, mail.subject])).toEqual([['ann@example.com', 'We miss you at Fernhill Coffee']]);
    expect(f.mail.mails[0]!.text).toContain('You got this email because you are a customer of Fernhill Coffee');
    const landing = await fetch(/Visit Fernhill Coffee: (\S+)/.exec(f.mail.mails[0]!.text)![1]!, { redirect: 'manual' });
    expect(landing.headers.get('location')).toBe('https://shop.example/');
  });
});
