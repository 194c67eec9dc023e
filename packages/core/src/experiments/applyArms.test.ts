import { describe, expect, it } from 'vitest';
import { checkConfig } from '../config/checkConfig.js';
import type { ExperimentConfig } from '../config/config.js';
import { applyArms } from './applyArms.js';

const config = checkConfig({
  offer: { code: 'FIVE', percentOff: 5 },
  exitIntent: { armDelay: 3000, sensitivity: 20, collectEmail: true },
  banner: { position: 'bottom', cooldown: 1000 },
  copy: { en: { title: 'Leaving?', body: 'Your cart' } },
}).config!;
const experiments: ExperimentConfig[] = [
  { id: 'offer', variants: [{ id: 'control' }, { id: 'ten', offer: { code: 'TEN', percentOff: 10 }, theme: 'dark', exitIntent: { armDelay: 500 } }] },
  { id: 'words', variants: [{ id: 'plain' }, { id: 'urgent', copy: { en: { title: 'Wait!' } }, banner: { position: 'top' } }] },
];

describe('applyArms', () => {
  it('leaves the config as the store wrote it for arms that change nothing', () => {
    expect(applyArms(config, experiments, { offer: 'control', words: 'plain' })).toEqual(config);
    expect(applyArms(config, experiments, { offer: 'holdout' })).toEqual(config);
  });

  it("replaces the offer and the theme, and lays the arm's copy, trigger and banner options over the store's", () => {
    const applied = applyArms(config, experiments, { offer: 'ten', words: 'urgent' });
    expect(applied.offer).toEqual({ code: 'TEN', percentOff: 10 });
    expect(applied.theme).toBe('dark');
    expect(applied.exitIntent).toEqual({ armDelay: 500, sensitivity: 20, collectEmail: true });
    expect(applied.banner).toEqual({ position: 'top', cooldown: 1000 });
    expect(applied.copy).toEqual({ en: { title: 'Wait!', body: 'Your cart' } });
    expect(config.offer).toEqual({ code: 'FIVE', percentOff: 5 }); // the store's config is untouched
  });
});
