import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecoveryConfig } from './loadRecoveryConfig';

const dir = mkdtempSync(join(tmpdir(), 'cartback-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'recovery.json');
const valid = {
  store: { name: 'Fernhill', restoreUrl: 'https://shop.example/cart/{items}' },
  from: 'Fernhill <hello@shop.example>',
  publicUrl: 'https://collector.shop.example',
  smtpUrl: 'smtps://user:pass@smtp.example:465',
  secret: 'x'.repeat(32),
};
const load = (config: unknown, env: NodeJS.ProcessEnv = {}) => {
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return () => loadRecoveryConfig(file, env);
};

describe('loadRecoveryConfig', () => {
  it('fills in the 1 h / 24 h / 72 h sequence, the daily cap and a disabled 90-day win-back', () => {
    const config = load(valid)();
    expect(config.recovery.steps.map((step) => [step.delay, step.offer?.percentOff])).toEqual([
      ['1h', undefined],
      ['24h', undefined],
      ['72h', 10],
    ]);
    expect(config).toMatchObject({ frequencyCapHours: 24, winBack: { enabled: false, afterDays: 90 } });
  });

  it('takes secrets from the environment over the file', () => {
    const config = load({ ...valid, smtpUrl: undefined, secret: undefined }, { SMTP_URL: 'smtp://mail:25', CARTBACK_SECRET: 'y'.repeat(40) })();
    expect(config).toMatchObject({ smtpUrl: 'smtp://mail:25', secret: 'y'.repeat(40) });
  });

  it.each([
    ['not JSON', '{', '(file) cannot be read as JSON'],
    ['no SMTP', { ...valid, smtpUrl: undefined }, 'smtpUrl is missing or empty (undefined). Set SMTP_URL (or smtpUrl), e.g. smtps://user:pass@smtp.example:465.'],
    ['a short secret', { ...valid, secret: 'short' }, 'secret must be at least 32 characters ("5 characters"). Set CARTBACK_SECRET'],
    ['a relative restoreUrl', { ...valid, store: { ...valid.store, restoreUrl: '/cart' } }, 'store.restoreUrl is not an absolute http(s) URL ("/cart")'],
    [
      'an unknown placeholder',
      { ...valid, recovery: { steps: [{ delay: '1h', subject: 'Hi {name}', intro: 'x' }] } },
      'recovery.steps[0].subject uses the unknown placeholder {name} ("Hi {name}"). Use one of {firstName}, {storeName}',
    ],
    [
      'an offer placeholder without an offer',
      { ...valid, recovery: { steps: [{ delay: '1h', subject: '{code}', intro: 'x' }] } },
      'recovery.steps[0].subject uses {code} but the step has no offer',
    ],
    ['a bad delay', { ...valid, recovery: { steps: [{ delay: '1 hour', subject: 's', intro: 'x' }] } }, 'recovery.steps[0].delay is not a delay ("1 hour"). Write a number and a unit'],
  ])('names the file, the field and the fix for %s', (_, config, message) => {
    expect(load(config)).toThrow(`[cartback collector] ${file}: ${message}`);
  });

  it('never prints the SMTP password', () => {
    expect(load({ ...valid, smtpUrl: 'http://user:hunter2@smtp.example' })).toThrow(/smtpUrl is not an smtp:\/\/ or smtps:\/\/ URL \("http:\/\/user:\*\*\*@smtp\.example"\)/);
  });
});
