import { describeValue } from '../engine/CartbackError.js';
import { createTabChannel, type TabChannel } from '../engine/createTabChannel.js';
import type { CartState, Platform } from '../types.js';
import { isNewerCart } from './isNewerCart.js';

/** What tab sync needs from the engine. */
export interface TabSyncHost {
  platform: Platform;
  /** Whether another tab's message holds a well-formed cart (the engine's own check of stored carts). */
  isCart(cart: unknown): cart is CartState;
  /** This tab's cart. */
  getCart(): CartState;
  /** Adopts another tab's cart. */
  adopt(cart: CartState): void;
  /** The newest cart stored. */
  loadSaved(): Promise<{ cart?: CartState }>;
  /** Reports a background problem (warned once per code, emitted on `on('error')`). */
  fail(code: string, message: string): void;
  /** Hands the open channel to the engine, which posts its changes through it. */
  connect(channel: TabChannel): void;
  /** Any other message, for the engine's other listeners (the tracker's). */
  hear(data: unknown): void;
}

/**
 * Part of the lazy idle file (see startIdleWork): hears the
 * store's other tabs. A cart another tab sends (perhaps from another SDK version after a
 * deploy) is checked before it is adopted. What the other tabs said before this file was
 * listening is lost, so it starts by catching up from storage, as it does when the page comes
 * back from the back/forward cache.
 */
export function startTabSync(host: TabSyncHost) {
  const receive = (remote: CartState) => isNewerCart(remote, host.getCart()) && host.adopt(remote);
  // What other tabs changed while this one did not listen.
  const catchUp = () => void host.loadSaved().then(({ cart }) => cart && receive(cart));
  const channel = createTabChannel(
    host.platform,
    (data) => {
      const message = data as { type?: unknown; cart?: unknown } | null;
      if (message?.type != 'cart') return host.hear(data);
      if (host.isCart(message.cart)) return receive(message.cart);
      host.fail('corrupt_record', `another tab sent a malformed cart (got ${describeValue(message.cart)}). It was ignored`);
    },
    catchUp,
  );
  host.connect(channel);
  catchUp();
  return channel;
}
