import type { CartbackApi } from './CartbackApi.js';
import type { Core } from './createCore.js';
import type { EventType } from './events.js';
import type { Tracker } from './createTracker.js';

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
