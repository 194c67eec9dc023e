import type { CartbackConfig } from '@cartback/core';
import type { CartbackApi } from './CartbackApi.js';
import { start } from './start.js';

/**
 * Starts cartback with `config` and returns the runtime API (the npm entry for SPA shops).
 * Calling it on a server returns an inert API; importing this module does nothing at all.
 */
export function init(config?: CartbackConfig): CartbackApi {
  return start(config);
}
