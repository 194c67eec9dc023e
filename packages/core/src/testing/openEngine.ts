import type { Cartback } from '../engine/engine.js';

/** The public API with the engine's parts beside it, as the unit tests of the engine reach them. */
export function openEngine(engine: Cartback) {
  return { ...engine.api, core: engine.core, tracking: engine.tracking, track: engine.track };
}
