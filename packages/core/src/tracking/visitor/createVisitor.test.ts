import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../config/checkConfig.js';
import { createCore } from '../../engine/createCore.js';
import { createVisitor } from './createVisitor.js';
import { memoryStorage } from '../../storage/memoryStorage.js';
import type { Platform } from '../../types.js';

const T0 = 1_700_000_000_000;
const saved = { v: 1, id: 'saved-session', startedAt: T0 - 120_000, lastActivity: T0 - 60_000 };
const cores: Array<{ destroy(): void }> = [];
afterEach(() => cores.splice(0).forEach((core) => core.destroy()));

function setup(storage = memoryStorage(), config: object = {}) {
  let n = 0;
  let time = T0;
  const platform = {
    storage,
    now: () => time,
    uuid: vi.fn(() => `uuid-${++n}`),
    console: { warn: vi.fn(), error: vi.fn(), info: vi.fn() },
  } satisfies Platform;
  const core = createCore(checkConfig(config).config!, platform);
  cores.push(core);
  const visitor = createVisitor(core);
  return { core, visitor, platform, storage, advance: (ms: number) => (time += ms) };
}

describe('createVisitor', () => {
  it('reuses a recent saved session and marks it active', async () => {
    const storage = memoryStorage();
    await storage.set('session', saved);
    const { visitor } = setup(storage);
    await visitor.ready;
    await visitor.flush();
    expect(visitor.getSession()).toEqual({ ...saved, lastActivity: T0 });
    expect(visitor.takeEnded()).toBeUndefined();
    expect(await storage.get('session')).toEqual({ ...saved, lastActivity: T0 });
  });

  it('starts a new session when the saved one is older than abandonAfter', async () => {
    const storage = memoryStorage();
    await storage.set('session', saved);
    const { visitor, platform } = setup(storage, { abandonAfter: 60_000 });
    await visitor.ready;
    await visitor.flush();
    const fresh = visitor.getSession();
    expect(fresh.id).not.toBe('saved-session');
    expect(platform.uuid.mock.results.map((r) => r.value)).toContain(fresh.id);
    expect(fresh).toMatchObject({ v: 1, startedAt: T0, lastActivity: T0 });
    expect(visitor.takeEnded()).toMatchObject({ id: 'saved-session' });
    expect(await storage.get('session')).toEqual(fresh);
  });

  it('starts a new session after the last one ended in an abandonment, and tells it once', async () => {
    const storage = memoryStorage();
    await storage.set('session', { ...saved, abandonmentId: 'cart-1:3', reported: 'cart-1:3' });
    const { visitor } = setup(storage);
    await visitor.ready;
    expect(visitor.getSession()).toMatchObject({ reported: 'cart-1:3' });
    expect(visitor.getSession().id).not.toBe('saved-session');
    expect(visitor.takeEnded()).toMatchObject({ id: 'saved-session', abandonmentId: 'cart-1:3' });
    expect(visitor.takeEnded()).toBeUndefined();
  });

  it('keeps activity up to date', async () => {
    const { visitor, advance } = setup();
    await visitor.ready;
    advance(5_000);
    visitor.touch();
    expect(visitor.getSession().lastActivity).toBe(T0 + 5_000);
  });

  it('restarts a session, returning the one that ended', async () => {
    const { visitor } = setup();
    await visitor.ready;
    visitor.setSession({ abandonmentId: 'c:1' });
    const before = visitor.getSession();
    expect(visitor.restart()).toBe(before);
    expect(visitor.getSession().id).not.toBe(before.id);
    expect(visitor.getSession().abandonmentId).toBeUndefined();
  });

  it('reuses the saved anonymous id, and stores a new one when there is none', async () => {
    const storage = memoryStorage();
    await storage.set('identity', { v: 1, anonymousId: 'anon-saved' });
    const returning = setup(storage);
    await returning.visitor.ready;
    expect(returning.visitor.getIdentity().anonymousId).toBe('anon-saved');

    const first = setup();
    await first.visitor.ready;
    await first.visitor.flush();
    const id = first.visitor.getIdentity().anonymousId;
    expect(id).toMatch(/^uuid-\d+$/);
    expect(await first.storage.get('identity')).toEqual({ v: 1, anonymousId: id });
  });

  it('discards a corrupt saved identity with one warning and makes a new one', async () => {
    const storage = memoryStorage();
    await storage.set('identity', 'garbage');
    const { visitor, platform } = setup(storage);
    await visitor.ready;
    expect(visitor.getIdentity().anonymousId).toMatch(/^uuid-\d+$/);
    expect(platform.console.warn).toHaveBeenCalledTimes(1);
    expect(platform.console.warn.mock.calls[0]![0]).toContain('stored "identity"');
  });
});
