import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForCartback } from '../support/cartbackPage';
import { reportDelivery, sentIds } from '../support/deliveryReport';
import { expectStoredOnce } from '../support/expectStoredOnce';
import { setupDeliveryTests } from '../support/setupDeliveryTests';
import { addItems, readIdbKeys, recordEmitted, threeItems, waitForEmitted } from '../support/storePage';

const t = setupDeliveryTests();

const posts = () => t.front.requests.filter((r) => r.method === 'POST');
const carried = (id: string, after = 0) => posts().some((r) => r.at >= after && r.events.some((e) => e.id === id));
const outboxIds = async (page: Page) =>
  (await readIdbKeys(page)).filter((key) => key.startsWith('event:')).map((key) => key.slice('event:'.length));

/** With the endpoint answering 503 to everything: a cart, its snapshot refused and queued, then a reload. */
async function queueThenReload(): Promise<{ page: Page; queued: string[]; reloadedAt: number }> {
  t.front.down(503);
  const { page } = await t.openStore('/');
  await recordEmitted(page);
  await addItems(page, threeItems);
  const [updateId] = await waitForEmitted(page, 'cart_updated');
  await expect.poll(() => carried(updateId!), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => outboxIds(page)).toContain(updateId);
  const queued = await outboxIds(page);

  const reloadedAt = Date.now();
  await page.reload();
  await waitForCartback(page);
  // The new page finds the leftovers in the outbox and tries them: refused again.
  await expect.poll(() => carried(updateId!, reloadedAt), { timeout: 10_000 }).toBe(true);
  return { page, queued, reloadedAt };
}

describe('an endpoint that is down', () => {
  it('keeps the queued events across a reload and delivers them, once each, when it is back', async () => {
    const { page, queued } = await queueThenReload();
    expect(await t.collector.stored()).toEqual([]);
    for (const id of queued) expect(await outboxIds(page)).toContain(id);

    t.front.up();
    await expect
      .poll(async () => (await t.collector.stored()).map((e) => e.id), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(queued));
    const stored = await t.collector.stored();
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
    // Confirmed events leave the outbox.
    await expect.poll(() => outboxIds(page)).toEqual([]);
    console.log(`[e2e] down, reload, back up: ${JSON.stringify(reportDelivery(t.front.requests, stored))}`);
    console.log(`[e2e]   requests: ${posts().map((r) => `${r.status} [${r.events.map((e) => e.type)}]`).join(' ')}`);
  });

  // The reload's pagehide creates a cart_abandoned (a browser reload fires no `navigate`
  // event, so it counts as a closed tab); it is beaconed and refused, and an IndexedDB write
  // started by a closing page may be cut off: the page also hands its unconfirmed events
  // over in localStorage, and the next page puts them back in the outbox.
  it('loses nothing it was sent: every event refused during the reload is still queued or stored', async () => {
    const { page } = await queueThenReload();
    const stored = new Set((await t.collector.stored()).map((e) => e.id));
    const queued = new Set(await outboxIds(page));
    const lost = posts()
      .flatMap((r) => r.events)
      .filter((e, i, all) => all.findIndex((other) => other.id === e.id) === i)
      .filter((e) => !stored.has(e.id) && !queued.has(e.id))
      .map((e) => `${e.type} ${e.id}`);
    expect(lost).toEqual([]);
    t.front.up();
    await expectStoredOnce('down across a reload, then up', t, sentIds(posts()));
  });
});
