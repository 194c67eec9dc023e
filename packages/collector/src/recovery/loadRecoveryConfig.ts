import { readConfigFile, type Fail } from '../readConfigFile';
import { parseDelay } from './parseDelay';
import { defaultRecovery, defaultWinBack, placeholders, type RecoveryConfig, type StepConfig } from './recoveryConfig';

export class RecoveryConfigError extends Error {}

/**
 * Reads the recovery config (JSON) at `file`, fills in the defaults and checks every field:
 * a mistake is one error naming the file, the field, the value and the fix. SMTP_URL,
 * CARTBACK_SECRET and COLLECTOR_PUBLIC_URL in `env` override the file (keep secrets out of it).
 */
export function loadRecoveryConfig(file: string, env: NodeJS.ProcessEnv = process.env): RecoveryConfig {
  const { raw: json, fail } = readConfigFile(file, 'Give a JSON file, see packages/collector/README.md', (message) => new RecoveryConfigError(message));
  const raw: any = json; // checked field by field below
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('(file)', 'is not a JSON object', raw, 'Write {"store": {...}, ...}');

  const config: RecoveryConfig = {
    frequencyCapHours: 24,
    linkValidDays: 14,
    pollSeconds: 10,
    ...raw,
    store: raw.store,
    from: raw.from,
    publicUrl: env.COLLECTOR_PUBLIC_URL || raw.publicUrl,
    smtpUrl: env.SMTP_URL || raw.smtpUrl,
    secret: env.CARTBACK_SECRET || raw.secret,
    recovery: raw.recovery ?? defaultRecovery,
    winBack: { ...defaultWinBack, ...raw.winBack },
  };

  const text = (field: string, value: unknown, fix: string) => {
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'is missing or empty', value, fix);
  };
  const url = (field: string, value: unknown, fix: string) => {
    text(field, value, fix);
    if (!/^https?:\/\/[^/]/.test(value as string)) fail(field, 'is not an absolute http(s) URL', value, fix);
  };
  const positive = (field: string, value: unknown) => {
    if (typeof value !== 'number' || !(value > 0)) fail(field, 'must be a positive number', value, `Set ${field} to e.g. 24`);
  };

  if (!config.store || typeof config.store !== 'object') fail('store', 'is missing', config.store, 'Set store: {"name": "...", "restoreUrl": "https://..."}');
  text('store.name', config.store.name, 'Set store.name to the shop name shown in the emails');
  url('store.restoreUrl', config.store.restoreUrl, 'Set store.restoreUrl to the absolute restoreUrl template, e.g. https://shop.example/cart/{items}');
  text('from', config.from, 'Set from to the sender, e.g. "Shop <hello@shop.example>"');
  url('publicUrl', config.publicUrl, "Set publicUrl (or COLLECTOR_PUBLIC_URL) to the collector's public address; email links point there");
  text('smtpUrl', config.smtpUrl, 'Set SMTP_URL (or smtpUrl), e.g. smtps://user:pass@smtp.example:465');
  if (!/^smtps?:\/\//.test(config.smtpUrl)) fail('smtpUrl', 'is not an smtp:// or smtps:// URL', config.smtpUrl.replace(/:[^:@/]*@/, ':***@'), 'Set SMTP_URL to e.g. smtps://user:pass@smtp.example:465');
  if (typeof config.secret !== 'string' || config.secret.length < 32) {
    fail('secret', 'must be at least 32 characters', config.secret ? `${String(config.secret).length} characters` : config.secret, 'Set CARTBACK_SECRET to a long random string (openssl rand -hex 32)');
  }
  positive('frequencyCapHours', config.frequencyCapHours);
  positive('linkValidDays', config.linkValidDays);
  positive('pollSeconds', config.pollSeconds);
  checkSteps('recovery', config.recovery, fail);
  if (typeof config.winBack.enabled !== 'boolean') fail('winBack.enabled', 'must be true or false', config.winBack.enabled, 'Set winBack.enabled to true or false');
  positive('winBack.afterDays', config.winBack.afterDays);
  checkSteps('winBack', config.winBack, fail);
  return config;
}

function checkSteps(name: string, sequence: { steps: StepConfig[] }, fail: Fail): void {
  if (!Array.isArray(sequence?.steps) || sequence.steps.length === 0) {
    fail(`${name}.steps`, 'must be a non-empty array', sequence?.steps, `Give ${name}.steps as [{"delay": "1h", "subject": "...", "intro": "..."}]`);
  }
  sequence.steps.forEach((step, index) => {
    const field = `${name}.steps[${index}]`;
    if (typeof step?.delay !== 'string' || parseDelay(step.delay) === undefined) {
      fail(`${field}.delay`, 'is not a delay', step?.delay, 'Write a number and a unit: "30s", "15m", "1h" or "3d"');
    }
    for (const key of ['subject', 'intro'] as const) {
      if (typeof step[key] !== 'string' || step[key].trim() === '') fail(`${field}.${key}`, 'is missing or empty', step[key], `Set ${field}.${key}`);
      for (const [, placeholder] of step[key].matchAll(/\{([^}]*)\}/g)) {
        if (!(placeholders as readonly string[]).includes(placeholder!)) {
          fail(`${field}.${key}`, `uses the unknown placeholder {${placeholder}}`, step[key], `Use one of ${placeholders.map((p) => `{${p}}`).join(', ')}`);
        }
        if (['code', 'percentOff', 'validUntil'].includes(placeholder!) && !step.offer) {
          fail(`${field}.${key}`, `uses {${placeholder}} but the step has no offer`, step[key], `Add ${field}.offer: {"code": "...", "percentOff": 10, "validForHours": 48}`);
        }
      }
    }
    if (step.offer !== undefined) {
      const { code, percentOff, validForHours } = step.offer;
      if (typeof code !== 'string' || code === '') fail(`${field}.offer.code`, 'is missing', code, 'Set the discount code the store accepts');
      if (typeof percentOff !== 'number' || !(percentOff > 0 && percentOff < 100)) fail(`${field}.offer.percentOff`, 'must be between 0 and 100', percentOff, 'Set e.g. 10');
      if (typeof validForHours !== 'number' || !(validForHours > 0)) fail(`${field}.offer.validForHours`, 'must be a positive number', validForHours, 'Set e.g. 48');
    }
  });
}
