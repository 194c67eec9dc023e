import { describe, expect, it } from 'vitest';
import { checkExperiments } from './checkExperiments.js';

describe('checkExperiments', () => {
  it('accepts a holdout and weighted variants that change the widget', () => {
    expect(
      checkExperiments([
        {
          id: 'exit-offer',
          seed: 'v2',
          holdout: 0.1,
          variants: [
            { id: 'control' },
            { id: 'ten-off', weight: 2, offer: { code: 'TEN', percentOff: 10 }, exitIntent: { armDelay: 1000 }, banner: { position: 'top' }, theme: 'dark' },
            { id: 'off', weight: 0, widget: false, copy: { en: { title: 'Wait!' } } },
          ],
        },
      ]),
    ).toEqual([]);
  });

  it('names each broken rule with its path and value', () => {
    expect(
      checkExperiments([
        { id: 'a', holdout: 1, variants: [{ id: 'holdout' }, { id: 'b', weight: -1, widget: true, offer: 'TEN' }] },
        { id: 'a', variants: [] },
        'oops',
        { id: 'c', variants: [{ id: 'x' }], colour: 'red' },
      ]),
    ).toEqual([
      'config.experiments[0].holdout must be a share from 0 to below 1, e.g. 0.1 (got 1)',
      'config.experiments[0].variants[0].id must be a unique name other than "holdout" (got "holdout")',
      'config.experiments[0].variants[1].weight must be a number >= 0 (got -1)',
      'config.experiments[0].variants[1].widget must be false (no widget) or left out (got true)',
      'config.experiments[0].variants[1].offer must be an object (got "TEN")',
      'config.experiments[1].id must be a unique name of letters, digits, _ . - (up to 64) (got "a")',
      'config.experiments[1].variants must be a non-empty array of { id, weight } (got [])',
      'config.experiments[2] must be an object like { id: "exit-offer", variants: [...] } (got "oops")',
      'config.experiments[3].colour must be one of id, seed, holdout, variants (got "colour")',
    ]);
  });
});
