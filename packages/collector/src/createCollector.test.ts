import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createCollector } from './createCollector';
import { makeBatch, makeEvent } from './makeEvent';

const dataDir = mkdtempSync(join(tmpdir(), 'cartback-collector-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps events in <dataDir>/collector.sqlite (WAL) across restarts', async () => {
  const event = makeEvent('cart_updated');
  const first = createCollector({ dataDir });
  const { url } = await first.listen();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const response = await fetch(`${url}/events`, { method: 'POST', body: JSON.stringify(makeBatch([event])) });
  expect(response.status).toBe(200);
  await first.close();

  const db = new Database(join(dataDir, 'collector.sqlite'), { readonly: true });
  expect(db.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  expect(db.prepare('SELECT type, anonymous_id, cart_id, body FROM events WHERE id = ?').get(event.id)).toEqual({
    type: 'cart_updated',
    anonymous_id: event.anonymousId,
    cart_id: 'cart-1',
    body: JSON.stringify(event),
  });
  db.close();

  const second = createCollector({ dataDir });
  const { url: secondUrl } = await second.listen();
  const stats = await (await fetch(`${secondUrl}/api/stats`)).json();
  expect(stats).toMatchObject({ events: 1, cartsTracked: 1 });
  await second.close();
});

it('names a nonsensical limit when created', () => {
  expect(() => createCollector({ dataDir, limits: { maxEvents: 0 } })).toThrow(
    '[cartback collector] limits.maxEvents must be a positive integer (0).',
  );
});
