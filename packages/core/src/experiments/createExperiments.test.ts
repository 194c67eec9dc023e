import { describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../config/checkConfig.js';
import type { CartbackConfig } from '../config/config.js';
import { memoryStorage } from '../storage/memoryStorage.js';
import { createExperiments } from './createExperiments.js';

const ID = '00000000-0000-4000-8000-000000000001'; // bucket 0.5895 for seed "exit-offer"
const SHOP = 'https://shop.example/';
const experiments: CartbackConfig['experiments'] = [
  { id: 'exit-offer', holdout: 0.2, variants: [{ id: 'control' }, { id: 'ten-off', offer: { code: 'TEN', percentOff: 10 } }, { id: 'none', widget: false }] },
];

function setup(options: CartbackConfig = {}, storage = memoryStorage()) {
  const config = checkConfig({ experiments, debug: true, ...options }).config!;
  const core = {
    config,
    getStorage: () => storage,
    reject: vi.fn(),
    platform: { console: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } } as any,
  };
  const track = vi.fn();
  const start = (landed = SHOP, id = ID) => createExperiments(core, id, landed, track);
  return { core, track, storage, start, info: core.platform.console.info };
}

describe('createExperiments', () => {
  it("assigns the visitor by the hash, says why with debug, and applies the arm's changes", async () => {
    const { start, info } = setup();
    const result = await start();
    // holdout [0, 0.2), control [0.2, 0.4667), ten-off [0.4667, 0.7333), none [0.7333, 1)
    expect(result.arms).toEqual({ 'exit-offer': 'ten-off' });
    expect(result.off).toBeUndefined();
    expect(result.config.offer).toEqual({ code: 'TEN', percentOff: 10 });
    expect(result.assignments).toEqual([
      { experimentId: 'exit-offer', arm: 'ten-off', shares: { holdout: 0.2, control: 0.2667, 'ten-off': 0.2667, none: 0.2667 } },
    ]);
    expect(info).toHaveBeenCalledWith('[cartback] experiment "exit-offer": arm "ten-off" (bucket 0.5895 of seed "exit-offer" is in [0.4667, 0.7333))');
  });

  it('keeps the arm in storage, so that new weights on the next page keep the visitor in it', async () => {
    const storage = memoryStorage();
    await setup({}, storage).start();
    const reweighted = [{ ...experiments![0], holdout: 0.6 }]; // 0.5895 would now be in the holdout
    const next = await setup({ experiments: reweighted }, storage).start();
    expect(next.arms).toEqual({ 'exit-offer': 'ten-off' });
  });

  it('forces an arm from cb_arm in this browser until cb_arm=<experiment>: ends it; a forced exposure says so', async () => {
    const storage = memoryStorage();
    const forced = await setup({}, storage).start(`${SHOP}?cb_arm=exit-offer:holdout`);
    expect(forced.arms).toEqual({ 'exit-offer': 'holdout' });
    expect(forced.off).toBe('holdout');
    const page2 = setup({}, storage);
    expect((await page2.start()).arms).toEqual({ 'exit-offer': 'holdout' });
    expect(page2.info).toHaveBeenCalledWith('[cartback] experiment "exit-offer": arm "holdout" (forced by the cb_arm parameter); the widget stays hidden');
    page2.track.mockClear();
    expect((await page2.start()).expose('banner')).toBe('holdout');
    expect(page2.track.mock.calls).toEqual([
      ['experiment_exposed', { experimentId: 'exit-offer', arm: 'holdout', widget: 'banner', shares: expect.any(Object), forced: true }],
      ['widget_suppressed', { widget: 'banner', reason: 'holdout' }],
    ]);
    // Forcing does not replace the drawn arm: it comes back when forcing ends.
    expect((await setup({}, storage).start(`${SHOP}?cb_arm=exit-offer:`)).arms).toEqual({ 'exit-offer': 'ten-off' });
    expect((await setup({}, storage).start()).arms).toEqual({ 'exit-offer': 'ten-off' });
  });

  it('says with debug that a forced arm does not exist, and draws as usual', async () => {
    const { start, info } = setup();
    expect((await start(`${SHOP}?cb_arm=exit-offer:typo`)).arms).toEqual({ 'exit-offer': 'ten-off' });
    expect(info).toHaveBeenCalledWith('[cartback] experiment "exit-offer": cb_arm names no arm "typo" (arms: holdout, control, ten-off, none)');
  });

  it('exposes every arm the same way, and hides the widget for an arm without it', async () => {
    const { start, track } = setup();
    const none = await start(`${SHOP}?cb_arm=exit-offer:none`);
    expect(none.off).toBe('experiment');
    expect(none.expose('exit_intent')).toBe('experiment');
    expect(track).toHaveBeenLastCalledWith('widget_suppressed', { widget: 'exit_intent', reason: 'experiment' });
    track.mockClear();
    const drawn = await start(`${SHOP}?cb_arm=exit-offer:`);
    expect(drawn.expose('exit_intent')).toBeUndefined();
    expect(track.mock.calls).toEqual([['experiment_exposed', expect.objectContaining({ experimentId: 'exit-offer', arm: 'ten-off', widget: 'exit_intent' })]]);
  });

  it('runs no experiment when one has a mistake: one console error each, no arms on events', async () => {
    const { start, core, track } = setup({ experiments: [{ id: 'a', holdout: 2, variants: [{ id: 'b' }] }] });
    const result = await start();
    expect(result.arms).toBeUndefined();
    expect(result.off).toBeUndefined();
    expect(result.expose('exit_intent')).toBeUndefined();
    expect(track).not.toHaveBeenCalled();
    expect(core.reject).toHaveBeenCalledTimes(1);
    expect(core.reject.mock.calls[0][0]).toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('config.experiments[0].holdout must be a share from 0 to below 1, e.g. 0.1 (got 2)'),
    });
  });

  it('works on when storage fails: the hash alone decides', async () => {
    const broken = { ...memoryStorage(), get: () => Promise.reject(new Error('gone')), set: () => Promise.reject(new Error('gone')) };
    expect((await setup({}, broken).start()).arms).toEqual({ 'exit-offer': 'ten-off' });
  });
});
