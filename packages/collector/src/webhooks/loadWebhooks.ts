import { readConfigFile } from '../readConfigFile';

export interface WebhookConfig {
  /** Where events are POSTed. */
  url: string;
  /** The event types it receives, e.g. ["cart_abandoned", "order_completed"]; ["*"] for all. */
  events: string[];
  /** Signs each request (Cartback-Signature); at least 32 characters. */
  secret: string;
}

/** Reads and checks the webhooks file (a JSON array); a mistake names the file, the entry, the field and the fix. */
export function loadWebhooks(file: string): WebhookConfig[] {
  const { raw, fail } = readConfigFile(file, 'Give a JSON array of {"url", "events", "secret"}', (message) => new TypeError(message));
  if (!Array.isArray(raw)) return fail('(file)', 'is not a JSON array', raw, 'Write [{"url": "https://...", "events": ["cart_abandoned"], "secret": "..."}]');
  return raw.map((entry: Partial<WebhookConfig>, index) => {
    const at = `[${index}]`;
    if (typeof entry?.url !== 'string' || !/^https?:\/\/[^/]/.test(entry.url)) fail(`${at}.url`, 'is not an absolute http(s) URL', entry?.url, 'Set the receiver\'s URL');
    if (!Array.isArray(entry.events) || entry.events.length === 0 || !entry.events.every((type) => typeof type === 'string')) {
      fail(`${at}.events`, 'must be a non-empty array of event types', entry.events, 'List the types, e.g. ["cart_abandoned", "order_completed"], or ["*"]');
    }
    if (typeof entry.secret !== 'string' || entry.secret.length < 32) fail(`${at}.secret`, 'must be at least 32 characters', entry.secret ? `${entry.secret.length} characters` : entry.secret, 'Use the secret the receiver verifies with (openssl rand -hex 32)');
    return entry as WebhookConfig;
  });
}
