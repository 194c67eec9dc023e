import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBatch, makeEvent } from '../makeEvent';
import { startTestCollector, type TestCollector } from '../startTestCollector';

let running: TestCollector | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const shares = { holdout: 0.5, modal: 0.5 };
const exposure = (anonymousId: string, arm: string, extra: object = {}) =>
  makeEvent('experiment_exposed', {
    anonymousId,
    experimentId: 'exit-offer',
    arm,
    widget: 'exit_intent',
    shares,
    context: { library: { name: 'cartback', version: '1.0.0' }, locale: 'en', consent: 'not_required', experiments: { 'exit-offer': arm } },
    ...extra,
  });

describe('experiment routes', () => {
  it('lists results, answers one experiment as JSON and CSV, and leaves forced arms out', async () => {
    running = await startTestCollector();
    const [a, b, qa] = [randomUUID(), randomUUID(), randomUUID()];
    const order = (anonymousId: string, value: number) =>
      makeEvent('order_completed', { anonymousId, order: { orderId: randomUUID(), value, currency: 'EUR' }, attribution: [] });
    const posted = await running.post(makeBatch([exposure(a, 'modal'), exposure(b, 'holdout'), exposure(qa, 'modal', { forced: true }), order(a, 40), order(qa, 999)]));
    expect(posted.body).toMatchObject({ accepted: 5, rejected: [] });

    const list = await running.get('/api/experiments');
    expect(list.status).toBe(200);
    expect(list.body.experiments).toHaveLength(1);
    const one = await running.get('/api/experiments/exit-offer');
    expect(one.body).toMatchObject({ id: 'exit-offer', baseline: 'holdout', visitors: 2 });
    expect(one.body.arms.map((arm: any) => [arm.arm, arm.visitors, arm.converted, arm.revenue])).toEqual([
      ['holdout', 1, 0, 0],
      ['modal', 1, 1, 40],
    ]);
    expect(one.body.verdict[0]).toMatch(/^Not enough data yet/);

    const csv = await fetch(`${running.url}/api/experiments/exit-offer?format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^experiment,arm,baseline,share,visitors,/);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5))).toEqual([
      ['exit-offer', 'holdout', 'true', '0.5', '1'],
      ['exit-offer', 'modal', 'false', '0.5', '1'],
    ]);
  });

  it('answers 404 for an experiment without exposures and 400 for a bad format or window', async () => {
    running = await startTestCollector();
    expect((await running.get('/api/experiments')).body).toEqual({ experiments: [] });
    expect((await running.get('/api/experiments/nope')).status).toBe(404);
    await running.post(makeBatch([exposure(randomUUID(), 'modal')]));
    expect((await running.get('/api/experiments/exit-offer?format=xml')).status).toBe(400);
    expect((await running.get('/api/experiments?windowDays=-1')).status).toBe(400);
  });

  it('rejects an exposure without its arm, as the schema says', async () => {
    running = await startTestCollector();
    const bad = exposure(randomUUID(), 'modal');
    delete bad.arm;
    expect((await running.post(makeBatch([bad]))).body.rejected).toHaveLength(1);
  });

  it('serves the experiments page, its script and chart.js under the dashboard CSP', async () => {
    running = await startTestCollector();
    for (const path of ['/experiments.html', '/experiments.js', '/vendor/chart.umd.min.js']) {
      const response = await fetch(running.url + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });
});
