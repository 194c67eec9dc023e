import type { Cartback, LoadAdapters } from '../engine/engine.js';
import { detectPlatform } from '../config/detectPlatform.js';
import { DRAFT_PREFIX, EVENT_PREFIX } from '../storage/records.js';
import { startTabSync } from './startTabSync.js';
import { HANDOFF_KEY, webStorage } from '../storage/webStorage.js';

/**
 * What every page does in the background, from its first idle moment once the saved cart is
 * loaded: it listens to the store's other tabs, starts the store's platform adapter (from
 * `adapters`, when given), and starts the event code when there is something to send: events
 * an earlier page left, or a landing through a widget or recovery link (`cb_source` /
 * `cb_recover`) or with a forced experiment arm (`cb_arm`, see readTouchpointParams).
 * Returns how to stop.
 */
export async function startIdleWork(engine: Cartback, win: Window, adapters?: LoadAdapters): Promise<() => void> {
  const { core } = engine;
  const tabs = startTabSync(core.tabSync);
  const name = core.config.platform ?? detectPlatform(win);
  const adapter =
    name && adapters && core.createLoader(`the ${name} adapter`, async () => (await adapters()).startPlatformAdapter(name, engine, win));
  if (adapter) void adapter.load();
  const hasEventsLeft = async () => {
    const stored = await core.getStorage().entries();
    // Where cartback has stored nothing, no page of it has closed with events to hand over
    // (or its first writes were cut off: what it handed over waits in localStorage, whose
    // first read costs a page several milliseconds, for a page where it has).
    return (
      stored.some(([key]) => key.startsWith(EVENT_PREFIX) || key.startsWith(DRAFT_PREFIX)) ||
      (stored.length > 0 && !!webStorage(win, 'localStorage').read(HANDOFF_KEY))
    );
  };
  if (/cb_/.test(win.location.search) || (await hasEventsLeft()))
    void engine.tracking();
  return () => {
    tabs.destroy();
    if (adapter) {
      adapter.stop();
      void adapter.current()?.then((stop) => stop?.());
    }
  };
}
