import type { CartbackApi as CoreApi } from '@cartback/core';

/** The runtime API: `window.cartback` after load, and what `init()` returns. */
export interface CartbackApi extends CoreApi {
  /** Opens the exit-intent modal now, whatever the rules say (previews, tests). */
  showExitIntent(): Promise<void>;
  /** Shows the return banner now, whatever the rules say (previews, tests). */
  showBanner(): Promise<void>;
}
