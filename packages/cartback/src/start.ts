import { browserPlatform, checkConfig, createCartback, reportConfigProblems, type CartbackApi } from '@cartback/core';
import { createInertApi } from './createInertApi';

/**
 * Checks `config` and starts cartback in this browser. A bad config prints one clear error
 * per option and gives an inert API; on a server (no `window`) it does nothing at all.
 */
export function start(input: unknown): CartbackApi {
  if (typeof window == 'undefined') return createInertApi();
  const { config, problems } = checkConfig(input);
  void reportConfigProblems(problems, console);
  return config ? createCartback(config, browserPlatform()) : createInertApi();
}
