import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadWebhooks } from './loadWebhooks';

const dir = mkdtempSync(join(tmpdir(), 'cartback-webhooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'webhooks.json');
const load = (value: unknown) => {
  writeFileSync(file, JSON.stringify(value));
  return () => loadWebhooks(file);
};
const valid = { url: 'https://hooks.example/cartback', events: ['cart_abandoned'], secret: 's'.repeat(32) };

it('reads a list of webhooks', () => {
  expect(load([valid])()).toEqual([valid]);
});

it.each([
  [{ ...valid, url: 'ftp://x' }, '[0].url is not an absolute http(s) URL ("ftp://x")'],
  [{ ...valid, events: [] }, '[0].events must be a non-empty array of event types ([])'],
  [{ ...valid, secret: 'short' }, '[0].secret must be at least 32 characters ("5 characters")'],
])('names the file, the entry and the field of a mistake', (entry, message) => {
  expect(load([entry])).toThrow(`[cartback collector] ${file}: ${message}.`);
});
