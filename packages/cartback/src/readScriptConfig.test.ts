import { describe, expect, it } from 'vitest';
import { readScriptConfig } from './readScriptConfig.js';

/** A script tag as far as readScriptConfig sees it: its `dataset`, keys already camelCased. */
const script = (dataset: Record<string, string>) => ({ dataset }) as unknown as HTMLScriptElement;

describe('readScriptConfig', () => {
  it('returns an empty config without a script', () => {
    expect(readScriptConfig(null)).toEqual({});
  });

  it('reads data-checkout-url as checkoutUrl, a string', () => {
    expect(readScriptConfig(script({ checkoutUrl: '/checkout' }))).toEqual({ checkoutUrl: '/checkout' });
  });

  it('keeps a URL endpoint as a string', () => {
    expect(readScriptConfig(script({ endpoint: 'https://shop.example/e' }))).toEqual({ endpoint: 'https://shop.example/e' });
  });

  it.each([
    ['', true],
    ['true', true],
    ['false', false],
  ])('reads data-debug=%j as %s', (raw, expected) => {
    expect(readScriptConfig(script({ debug: raw }))).toEqual({ debug: expected });
  });

  it('reads the other boolean options the same way', () => {
    expect(readScriptConfig(script({ requireConsent: '', respectGlobalPrivacyControl: 'false' }))).toEqual({
      requireConsent: true,
      respectGlobalPrivacyControl: false,
    });
  });

  it('passes a boolean option that is not "", "true" or "false" on for validation to name', () => {
    expect(readScriptConfig(script({ debug: 'yes' }))).toEqual({ debug: 'yes' });
  });

  it('reads numbers as numbers', () => {
    expect(readScriptConfig(script({ abandonAfter: '60000' }))).toEqual({ abandonAfter: 60000 });
  });

  it('reads any value that is JSON as JSON (validation then names a numeric endpoint)', () => {
    expect(readScriptConfig(script({ endpoint: '8080' }))).toEqual({ endpoint: 8080 });
  });

  it('parses JSON objects and arrays', () => {
    expect(
      readScriptConfig(script({ exitIntent: '{"armDelay":3000}', experiments: '[{"id":"a"}]' })),
    ).toEqual({ exitIntent: { armDelay: 3000 }, experiments: [{ id: 'a' }] });
  });

  it('passes invalid JSON on as the string it is', () => {
    expect(readScriptConfig(script({ exitIntent: "{armDelay: 3000}" }))).toEqual({ exitIntent: '{armDelay: 3000}' });
  });

  it('reads several attributes at once', () => {
    expect(
      readScriptConfig(
        script({ endpoint: 'https://shop.example/e', currency: 'EUR', debug: '', abandonAfter: '60000', banner: '{"position":"top"}' }),
      ),
    ).toEqual({ endpoint: 'https://shop.example/e', currency: 'EUR', debug: true, abandonAfter: 60000, banner: { position: 'top' } });
  });

  it('keeps attributes named like Object.prototype members as plain keys (then unknown options)', () => {
    const dataset = JSON.parse('{"constructor": "x", "toString": "", "__proto__": "{\\"endpoint\\":\\"ftp://x\\"}"}');
    const config = readScriptConfig(script(dataset));
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.keys(config)).toEqual(['constructor', 'toString', '__proto__']);
    expect(config.constructor).toBe('x');
    expect(config.toString).toBe(true);
    expect(Object.getOwnPropertyDescriptor(config, '__proto__')?.value).toEqual({ endpoint: 'ftp://x' });
    expect(config).not.toHaveProperty('endpoint');
  });
});
