import { afterEach, vi } from 'vitest';
import { checkConfig } from '../config/checkConfig.js';
import { createEngine } from '../engine/createEngine.js';
import type { Cartback } from '../engine/engine.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import type { Platform } from '../types.js';

/**
 * A cartback for adapter tests: in memory, with no tracking chunk (nothing is sent), its saved
 * cart loaded, and a console of spies. Call `destroyAfterEach()` once per file to clean up.
 */
export async function startInertCartback(config: object = { currency: 'EUR', debug: true }) {
  const platform = {
    storage: memoryStorage(),
    now: () => 1_700_000_000_000,
    uuid: () => 'uuid-1',
    console: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
  } satisfies Platform;
  const cartback = createEngine(checkConfig(config).config!, platform, { tracking: false });
  started.push(cartback);
  await cartback.api.ready;
  return { cartback, platform };
}

const started: Cartback[] = [];

/** Destroys, after each test, every cartback the test started. */
export const destroyAfterEach = () => afterEach(() => started.splice(0).forEach((cartback) => cartback.api.destroy()));
