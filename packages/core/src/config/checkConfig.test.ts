import { describe, expect, it } from 'vitest';
import { checkConfig } from './checkConfig.js';
import { explainConfig } from '../diagnostics/explainConfig.js';

/** The check (eager) and its wording (lazy chunk), as a store's developer sees them together. */
function validateConfig(input: unknown) {
  const { config, problems } = checkConfig(input);
  return { config, ...explainConfig(problems) };
}

const FIX =
  ' Fix it in window.cartbackConfig, the data-* attribute or init(); cartback stays off on this page until then.' +
  ' https://github.com/cartback/cartback/blob/main/docs/errors.md#invalid_config';

describe('checkConfig + explainConfig', () => {
  it('gives the defaults for no config', () => {
    const result = validateConfig(undefined);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.config).toEqual({
      currency: 'USD',
      locale: 'en',
      debug: false,
      requireConsent: false,
      respectGlobalPrivacyControl: true,
      abandonAfter: 1_800_000,
      returnGrace: 30_000,
    });
  });

  it('keeps valid options over the defaults', () => {
    const result = validateConfig({
      endpoint: 'https://shop.example/cartback',
      checkoutUrl: '/checkout',
      currency: 'EUR',
      locale: 'de-DE',
      abandonAfter: 60_000,
      exitIntent: { armDelay: 3000, include: ['/cart*'] },
      banner: { position: 'corner' },
      offer: { code: 'BACK10', percentOff: 10 },
    });
    expect(result.errors).toEqual([]);
    expect(result.config).toMatchObject({
      endpoint: 'https://shop.example/cartback',
      currency: 'EUR',
      locale: 'de-DE',
      abandonAfter: 60_000,
      debug: false,
      exitIntent: { armDelay: 3000, include: ['/cart*'] },
    });
  });

  it('rejects an ftp:// endpoint with one error naming the value', () => {
    const result = validateConfig({ endpoint: 'ftp://x' });
    expect(result.config).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.startsWith('[cartback] config.endpoint must be an absolute https:// URL')).toBe(true);
    expect(result.errors[0]).toContain('"ftp://x"');
    expect(result.errors[0]).toBe(
      '[cartback] config.endpoint must be an absolute https:// URL (http:// only for localhost) (got "ftp://x").' + FIX,
    );
  });

  it.each(['http://localhost:8080/e', 'http://127.0.0.1/e', 'http://[::1]:3000/e', 'https://shop.example/e'])(
    'accepts the endpoint %s',
    (endpoint) => {
      const result = validateConfig({ endpoint });
      expect(result.errors).toEqual([]);
      expect(result.config?.endpoint).toBe(endpoint);
    },
  );

  it.each(['http://shop.example/e', 'not a url', '/relative/path', ''])('rejects the endpoint %j', (endpoint) => {
    const result = validateConfig({ endpoint });
    expect(result.config).toBeUndefined();
    expect(result.errors).toEqual([
      `[cartback] config.endpoint must be an absolute https:// URL (http:// only for localhost) (got ${JSON.stringify(endpoint)}).` +
        FIX,
    ]);
  });

  it('rejects a lower-case currency', () => {
    expect(validateConfig({ currency: 'eur' }).errors).toEqual([
      '[cartback] config.currency must be a 3-letter ISO 4217 code like "EUR" (got "eur").' + FIX,
    ]);
  });

  // The widget's options are checked inside by the widget chunk; here only their shape.
  it('rejects a widget option group that is not an object', () => {
    expect(validateConfig({ exitIntent: true }).errors).toEqual([
      '[cartback] config.exitIntent must be an object (got true).' + FIX,
    ]);
  });

  it.each(['shopify', 'woocommerce', 'datalayer', false])('accepts platform %j', (platform) => {
    const result = validateConfig({ platform });
    expect(result.errors).toEqual([]);
    expect(result.config?.platform).toBe(platform);
  });

  it.each(['Shopify', 'magento', true, ''])('rejects platform %j, naming the platforms there are', (platform) => {
    expect(validateConfig({ platform }).errors).toEqual([
      `[cartback] config.platform must be "shopify", "woocommerce", "datalayer" or false (got ${JSON.stringify(platform)}).` + FIX,
    ]);
  });

  it('gives one error per bad option', () => {
    const result = validateConfig({ currency: 'eur', abandonAfter: 10, debug: 'yes' });
    expect(result.config).toBeUndefined();
    expect(result.errors).toEqual([
      '[cartback] config.currency must be a 3-letter ISO 4217 code like "EUR" (got "eur").' + FIX,
      '[cartback] config.abandonAfter must be a whole number of milliseconds >= 1000, e.g. 1800000 (got 10).' + FIX,
      '[cartback] config.debug must be true or false (got "yes").' + FIX,
    ]);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'reads an option named %s like any unknown option: a warning, left out of the config',
    (key) => {
      const input = JSON.parse(`{"${key}": "x", "currency": "EUR"}`) as Record<string, unknown>;
      const result = validateConfig(input);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([
        `[cartback] config.${key} is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md`,
      ]);
      expect(result.config?.currency).toBe('EUR');
      expect(Object.getPrototypeOf(result.config)).toBe(Object.prototype);
      expect(Object.keys(result.config!)).not.toContain(key);
    },
  );

  it('reads only the config\'s own options, not inherited ones', () => {
    const input = Object.assign(Object.create({ endpoint: 'ftp://inherited.example' }), { currency: 'EUR' });
    const result = validateConfig(input);
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(result.config).not.toHaveProperty('endpoint');
  });

  it('warns about an unknown option without failing', () => {
    const result = validateConfig({ endpiont: 'https://shop.example/e' });
    expect(result.errors).toEqual([]);
    expect(result.config).toBeDefined();
    expect(result.warnings).toEqual([
      '[cartback] config.endpiont is not an option cartback knows; it is ignored. Check its spelling: https://github.com/cartback/cartback/blob/main/docs/configuration.md',
    ]);
  });

  it.each([
    ['a string', 'https://shop.example/e', '"https://shop.example/e"'],
    ['null', null, 'null'],
    ['an array', [], '[]'],
    ['a number', 1, '1'],
  ])('rejects a config that is %s', (_, input, shown) => {
    const result = validateConfig(input);
    expect(result.config).toBeUndefined();
    expect(result.errors).toEqual([
      `[cartback] config must be an object like { endpoint: "https://..." } (got ${shown}).` + FIX,
    ]);
  });

  it('treats an option set to undefined as not set, keeping its default', () => {
    // e.g. init({ currency: shop.currency, abandonAfter: settings.abandonAfter }) with neither known yet
    const result = validateConfig({ currency: undefined, abandonAfter: undefined });
    expect(result.errors).toEqual([]);
    expect(result.config?.currency).toBe('USD');
    expect(result.config?.abandonAfter).toBe(1_800_000);
  });
});
