import {
  browserPlatform,
  checkConfig,
  createEngine,
  DEFAULTS,
  isCurrencyCode,
  memoryStorage,
  reportConfigProblems,
  uuid,
} from '@cartback/core';
import { attachWidget } from './attachWidget.js';
import type { CartbackApi } from './CartbackApi.js';

/**
 * Checks `config` and starts cartback in this browser. A bad config prints one clear error
 * per option and gives an inert API: the cart answers for this page, in memory, and nothing
 * is stored, sent or listened to. On a server (no `window`) the API is inert too.
 */
export function start(input: unknown): CartbackApi {
  const browser = typeof window != 'undefined';
  const { config, problems } = checkConfig(input);
  if (browser) reportConfigProblems(problems, console);
  if (config && browser) return attachWidget(createEngine(config, browserPlatform(), { idle: async () => (await import('./startIdleWorkWithAdapters.js')).startIdleWorkWithAdapters }), window);
  const currency = (input as { currency?: string } | null)?.currency;
  const inert = createEngine(
    { ...DEFAULTS, currency: isCurrencyCode(currency) ? currency : DEFAULTS.currency },
    { storage: memoryStorage(), now: Date.now, uuid, console },
    { tracking: false },
  );
  const nothing = async () => {};
  return Object.assign(inert.api, { showExitIntent: nothing, showBanner: nothing });
}
