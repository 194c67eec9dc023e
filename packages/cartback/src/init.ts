import { browserPlatform, createCartback, validateConfig, type CartbackApi, type CartbackConfig } from '@cartback/core';
import { createInertApi } from './createInertApi';

/**
 * Starts cartback with `config` and returns the runtime API. A bad config prints one clear
 * error per option and returns an inert API; on a server (no `window`) it does nothing.
 */
export function init(config?: CartbackConfig): CartbackApi {
  if (typeof window === 'undefined') return createInertApi();
  const { config: resolved, errors, warnings } = validateConfig(config);
  warnings.forEach((w) => console.warn(w));
  errors.forEach((e) => console.error(e));
  return resolved ? createCartback(resolved, browserPlatform()) : createInertApi();
}
