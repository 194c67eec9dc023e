import type { PlatformName } from '../config/config.js';
import type { CartbackApi } from './CartbackApi.js';
import type { Core } from './createCore.js';
import type { EventType } from '../events.js';
import type { Tracker } from '../tracking/createTracker.js';

/** The public API and the engine behind it (`createEngine`), for the widget, the adapters and tests. */
export interface Cartback {
  api: CartbackApi;
  core: Core;
  /** What a platform adapter sets where the store's config says nothing (Shopify's cart permalink as `restoreUrl`). */
  platformDefaults: { restoreUrl?: string };
  /** The tracking chunk, started on demand (for tests, the widget and headless integrations). */
  tracking(): Promise<Tracker | undefined>;
  /** Makes an event of any type: the widget's events come this way. */
  track(type: EventType, props?: Record<string, unknown>): void;
}

/** What every page does at its first idle moment (see startIdleWork); returns how to stop. */
export type StartIdleWork = (engine: Cartback, win: Window) => Promise<() => void>;

/**
 * Loads the list of platform adapters. Passed in by whoever composes the engine (the
 * `cartback` package), so that the engine does not depend on the adapters, which depend on it.
 */
export type LoadAdapters = () => Promise<{
  startPlatformAdapter(name: PlatformName, engine: Cartback, win: Window): Promise<() => void>;
}>;

export interface EngineOptions {
  /** false: no event is ever made (the inert API of a bad config or a server). */
  tracking?: boolean;
  /**
   * Loads the idle work: the script tag's is a lazy file with the platform adapters; the
   * headless engine's (createCartback) is core's own, without them.
   */
  idle?: () => Promise<StartIdleWork>;
}
