import { describe, expect, it } from 'vitest';
import { checkWidgetOptions as checkOptions } from './checkWidgetOptions.js';
import { explainWidgetOptions } from './widgetDiagnostics.js';

/** The rules and their wording together, as the store sees them. */
const checkWidgetOptions = (config: Parameters<typeof checkOptions>[0]) => explainWidgetOptions(checkOptions(config));

const errorsFor = (config: Parameters<typeof checkWidgetOptions>[0]) => checkWidgetOptions(config).errors;

describe('checkWidgetOptions', () => {
  it('accepts no widget options, and every valid one', () => {
    expect(checkWidgetOptions({})).toEqual({ errors: [], warnings: [] });
    expect(
      checkWidgetOptions({
        exitIntent: {
          enabled: true,
          sensitivity: 20,
          armDelay: 0,
          mobile: { scrollSpeed: 1500, returnAfter: false },
          minCartValue: 10.5,
          cooldown: 0,
          collectEmail: false,
          include: ['/products/*'],
          exclude: [],
          devices: 'desktop',
        },
        offer: { code: 'SAVE10', percentOff: 12.5, validFor: 1000 },
      }),
    ).toEqual({ errors: [], warnings: [] });
    expect(checkWidgetOptions({ exitIntent: { mobile: false, sensitivity: 500 }, offer: { code: 'X'.repeat(64), percentOff: 100 } })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('names the option, the value and the fix', () => {
    expect(errorsFor({ exitIntent: { armDelay: 'abc' } })).toEqual([
      'config.exitIntent.armDelay must be a whole number of milliseconds >= 0 (got "abc"). ' +
        'Fix it in window.cartbackConfig, the data-* attribute or init(); the widget stays off until then.',
    ]);
  });

  it('rejects each broken rule once', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['exitIntent.enabled', { enabled: 'yes' }],
      ['exitIntent.sensitivity', { sensitivity: 501 }],
      ['exitIntent.sensitivity', { sensitivity: -1 }],
      ['exitIntent.sensitivity', { sensitivity: 2.5 }],
      ['exitIntent.armDelay', { armDelay: -1 }],
      ['exitIntent.mobile', { mobile: 'on' }],
      ['exitIntent.mobile.scrollSpeed', { mobile: { scrollSpeed: 0 } }],
      ['exitIntent.mobile.scrollSpeed', { mobile: { scrollSpeed: true } }],
      ['exitIntent.mobile.returnAfter', { mobile: { returnAfter: 1.5 } }],
      ['exitIntent.minCartValue', { minCartValue: -1 }],
      ['exitIntent.minCartValue', { minCartValue: '10' }],
      ['exitIntent.minCartValue', { minCartValue: Infinity }],
      ['exitIntent.cooldown', { cooldown: 1.5 }],
      ['exitIntent.collectEmail', { collectEmail: 1 }],
      ['exitIntent.include', { include: '/cart' }],
      ['exitIntent.exclude', { exclude: ['/cart', 3] }],
      ['exitIntent.devices', { devices: 'tablet' }],
    ];
    for (const [path, exitIntent] of cases) {
      const errors = errorsFor({ exitIntent });
      expect(errors, path).toHaveLength(1);
      expect(errors[0], path).toContain(`config.${path} must be`);
    }
  });

  it('checks the offer and requires its code', () => {
    const cases: [string, unknown][] = [
      ['offer.code', {}],
      ['offer.code', { code: '' }],
      ['offer.code', { code: 'X'.repeat(65) }],
      ['offer.code', { code: 10 }],
      ['offer.percentOff', { code: 'A', percentOff: 0 }],
      ['offer.percentOff', { code: 'A', percentOff: 101 }],
      ['offer.validFor', { code: 'A', validFor: 999 }],
      ['offer.validFor', { code: 'A', validFor: 1000.5 }],
      ['offer', 'SAVE10'],
    ];
    for (const [path, offer] of cases) {
      const errors = errorsFor({ offer });
      expect(errors, path).toHaveLength(1);
      expect(errors[0], path).toContain(`config.${path} must be`);
    }
  });

  it('rejects a group that is not an object', () => {
    expect(errorsFor({ exitIntent: true })[0]).toContain('config.exitIntent must be an object');
    expect(errorsFor({ exitIntent: [] })[0]).toContain('(got [])');
  });

  it('reports several problems together', () => {
    expect(errorsFor({ exitIntent: { armDelay: -1, cooldown: 'x' }, offer: { percentOff: 10 } })).toHaveLength(3);
  });

  it('only warns about unknown keys, at any depth', () => {
    const { errors, warnings } = checkWidgetOptions({
      exitIntent: { enabeld: false, mobile: { speed: 1 } },
      offer: { code: 'A', constructor: 1 },
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'config.exitIntent.enabeld is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md',
      'config.exitIntent.mobile.speed is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md',
      'config.offer.constructor is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md',
    ]);
  });

  it('leaves the rest of the config to core', () => {
    expect(checkWidgetOptions({ endpoint: 5, restoreUrl: 7 } as never)).toEqual({ errors: [], warnings: [] });
  });

  it('checks banner options: enabled, position, cooldown and tabTitle', () => {
    expect(checkWidgetOptions({ banner: { enabled: false, position: 'corner', cooldown: 0, tabTitle: true } } as never)).toEqual({ errors: [], warnings: [] });
    expect(checkWidgetOptions({ banner: { position: 'top', tabTitle: '🛒 Come back' } } as never)).toEqual({ errors: [], warnings: [] });
    const cases: [string, Record<string, unknown>][] = [
      ['banner.enabled', { enabled: 'no' }],
      ['banner.position', { position: 'nowhere' }],
      ['banner.position', { position: 'Top' }],
      ['banner.cooldown', { cooldown: -1 }],
      ['banner.cooldown', { cooldown: 1.5 }],
      ['banner.tabTitle', { tabTitle: ' ' }],
      ['banner.tabTitle', { tabTitle: 1 }],
    ];
    for (const [path, banner] of cases) {
      const errors = errorsFor({ banner } as never);
      expect(errors, JSON.stringify(banner)).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^config\\.${path.replace('.', '\\.')} must be `));
    }
    expect(errorsFor({ banner: 'top' } as never)).toEqual([expect.stringMatching(/^config\.banner must be an object/)]);
    expect(checkWidgetOptions({ banner: { positon: 'top' } } as never).warnings).toEqual([
      'config.banner.positon is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md',
    ]);
  });
});
