import { idbStorage } from '../storage/idbStorage.js';
import type { Platform } from '../types.js';
import { uuid } from './uuid.js';

/** The real browser: IndexedDB, BroadcastChannel, the clock and the console. */
export function browserPlatform(): Platform {
  return {
    storage: idbStorage(),
    openChannel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined),
    now: () => Date.now(),
    uuid,
    console,
    window,
    page: () => ({ url: location.href, path: location.pathname, title: document.title, referrer: document.referrer }),
  };
}
