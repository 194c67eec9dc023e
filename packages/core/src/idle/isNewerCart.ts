import type { CartState } from '../types.js';

/** Whether another tab's cart replaces ours: the last change wins, and a tie is broken the same way in every tab, so they cannot diverge. */
export const isNewerCart = (remote: CartState, local: CartState): boolean =>
  remote.updatedAt > local.updatedAt || (remote.updatedAt == local.updatedAt && JSON.stringify(remote) > JSON.stringify(local));
