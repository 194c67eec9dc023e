import type { ResolvedConfig } from '../config/config.js';
import type { CartbackApi } from './CartbackApi.js';
import { createEngine } from './createEngine.js';
import type { LoadAdapters } from './engine.js';
import type { Platform } from '../types.js';

/**
 * The headless entry (`@cartback/core` with a shop's own UI): the public API of a new engine,
 * with no widget, and the platform adapters only if given (`() => import('@cartback/adapters')`).
 * The script tag and `init()` build theirs with the widget on the same engine.
 */
export function createCartback(config: ResolvedConfig, platform: Platform, { adapters }: { adapters?: LoadAdapters } = {}): CartbackApi {
  return createEngine(config, platform, {
    idle: async () => {
      const { startIdleWork } = await import('../idle/startIdleWork.js');
      return (engine, win) => startIdleWork(engine, win, adapters);
    },
  }).api;
}
