import type { ResolvedConfig } from '../config/config.js';
import type { CartbackApi } from './CartbackApi.js';
import { createEngine } from './createEngine.js';
import type { Platform } from '../types.js';

/**
 * The headless entry (`@cartback/core` with a shop's own UI): the public API of a new engine,
 * with no widget. The script tag and `init()` build theirs with the widget on the same engine.
 */
export function createCartback(config: ResolvedConfig, platform: Platform): CartbackApi {
  return createEngine(config, platform, { idle: async () => (await import('../idle/startIdleWork.js')).startIdleWork }).api;
}

