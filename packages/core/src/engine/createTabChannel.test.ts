import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAME, createTabChannel } from './createTabChannel.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import type { Platform, TabChannel } from '../types.js';

/** A BroadcastChannel stand-in per open, all on one bus: what one posts, the others open get. */
function fakeBus() {
  const open = new Set<{ channel: TabChannel; listeners: Array<(event: { data: unknown }) => void> }>();
  const opened: TabChannel[] = [];
  const openChannel = vi.fn((_name: string) => {
    const end = { listeners: [] as Array<(event: { data: unknown }) => void> } as {
      channel: TabChannel;
      listeners: Array<(event: { data: unknown }) => void>;
    };
    end.channel = {
      postMessage: vi.fn((data: unknown) => {
        if (!open.has(end)) throw new DOMException('closed', 'InvalidStateError');
        for (const other of open) if (other != end) other.listeners.forEach((fn) => fn({ data }));
      }),
      addEventListener: (_type, fn) => void end.listeners.push(fn),
      close: vi.fn(() => void open.delete(end)),
    };
    open.add(end);
    opened.push(end.channel);
    return end.channel;
  });
  return { openChannel, opened, openCount: () => open.size };
}

/** A page: a window to dispatch pagehide/pageshow on, and a channel for another tab. */
function setup() {
  const bus = fakeBus();
  const win = new EventTarget() as unknown as Window;
  const platform: Platform = {
    storage: memoryStorage(),
    window: win,
    openChannel: bus.openChannel,
    now: () => 0,
    uuid: () => 'id',
    console: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
  };
  const received: unknown[] = [];
  const onResume = vi.fn();
  const tab = createTabChannel(platform, (data) => received.push(data), onResume);
  const otherTab: unknown[] = [];
  const other = createTabChannel({ ...platform, window: undefined }, (data) => otherTab.push(data));
  const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) =>
    win.dispatchEvent(Object.assign(new Event(type), { persisted }));
  return { bus, tab, other, received, otherTab, onResume, transition };
}

describe('createTabChannel', () => {
  it('passes what other tabs post, and posts to them', () => {
    const { bus, tab, other, received, otherTab } = setup();
    expect(bus.openChannel).toHaveBeenCalledWith(CHANNEL_NAME);
    other.post({ type: 'cart', n: 1 });
    tab.post({ type: 'left' });
    expect(received).toEqual([{ type: 'cart', n: 1 }]);
    expect(otherTab).toEqual([{ type: 'left' }]);
  });

  it('listens to nothing while the page is in the back/forward cache, and catches up when restored', () => {
    const { bus, other, received, onResume, transition } = setup();
    transition('pagehide', true);
    expect(bus.opened[0]!.close).toHaveBeenCalled();
    other.post({ type: 'cart', n: 1 }); // would evict the cached page
    expect(received).toEqual([]);
    expect(onResume).not.toHaveBeenCalled();

    transition('pageshow', true);
    expect(onResume).toHaveBeenCalledTimes(1);
    other.post({ type: 'cart', n: 2 });
    expect(received).toEqual([{ type: 'cart', n: 2 }]);
  });

  it('still sends what is posted after it closed at pagehide (a later pagehide listener saying goodbye)', () => {
    const { bus, tab, otherTab, transition } = setup();
    transition('pagehide', true);
    tab.post({ type: 'left' });
    expect(otherTab).toEqual([{ type: 'left' }]);
    expect(bus.openCount()).toBe(1); // only the other tab's: the one-off channel is closed again
  });

  it('stays open through a pagehide that is not into the cache, and ignores a first pageshow', () => {
    const { tab, other, received, onResume, transition } = setup();
    transition('pageshow', false);
    transition('pagehide', false);
    other.post({ type: 'cart' });
    expect(received).toEqual([{ type: 'cart' }]);
    expect(onResume).not.toHaveBeenCalled();
    tab.destroy();
  });

  it('closes on destroy, and is not reopened by a restore', () => {
    const { bus, tab, other, received, onResume, transition } = setup();
    tab.destroy();
    expect(bus.opened[0]!.close).toHaveBeenCalled();
    transition('pageshow', true);
    other.post({ type: 'cart' });
    expect([received, onResume.mock.calls]).toEqual([[], []]);
    expect(bus.openCount()).toBe(1); // the other tab's
  });

  it('does nothing without a channel (no BroadcastChannel, or a server)', () => {
    const tab = createTabChannel(
      { storage: memoryStorage(), now: () => 0, uuid: () => 'id', console },
      () => {},
    );
    expect(() => tab.post({ type: 'cart' })).not.toThrow();
    tab.destroy();
  });
});
