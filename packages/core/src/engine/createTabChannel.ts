import type { Platform, TabChannel as BroadcastLike } from '../types.js';

/** Messages to the store's other tabs, through a channel that stays open until `destroy`. */
export interface TabChannel {
  post(message: object): void;
  destroy(): void;
}

/** The BroadcastChannel every cartback page of the store's origin shares. */
export const CHANNEL_NAME = 'cartback';

/**
 * Messages between the store's open tabs, safe for the back/forward cache: Chromium evicts a
 * cached page that a BroadcastChannel message reaches (not-restored reason
 * `broadcastchannel-message`), so the channel is closed when the page enters the cache and
 * opened again when it is restored. What other tabs said meanwhile is lost: `onResume` is the
 * caller's moment to catch up from storage. Messages are objects with a string `type`;
 * `onMessage` gets whatever another tab sent, unchecked.
 */
export function createTabChannel(platform: Platform, onMessage: (data: unknown) => void, onResume?: () => void): TabChannel {
  const win = platform.window;
  let channel: BroadcastLike | undefined;
  const open = () => {
    channel = platform.openChannel?.(CHANNEL_NAME);
    channel?.addEventListener('message', ({ data }) => onMessage(data));
  };
  const close = () => {
    channel?.close();
    channel = undefined;
  };
  // Into the cache: closed. Out of it: open again, and the caller catches up.
  const onTransition = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    if (event.type == 'pagehide') close();
    else if (!channel) open(), onResume?.();
  };

  open();
  win?.addEventListener('pagehide', onTransition);
  win?.addEventListener('pageshow', onTransition);
  return {
    post(message) {
      // Closed by a pagehide whose other listeners still have something to say (or destroyed): sent all the same.
      if (channel) channel.postMessage(message);
      else postOnce(platform, message);
    },
    destroy() {
      win?.removeEventListener('pagehide', onTransition);
      win?.removeEventListener('pageshow', onTransition);
      close();
    },
  };
}

/** Sends one message to the store's other tabs on a channel of its own, closed at once: it hears nothing. */
export function postOnce(platform: Platform, message: object): void {
  const once = platform.openChannel?.(CHANNEL_NAME);
  once?.postMessage(message);
  once?.close();
}
