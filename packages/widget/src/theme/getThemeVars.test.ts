import { describe, expect, it, vi } from 'vitest';
import { getThemeVars } from './getThemeVars.js';
import { styles } from '../styles.js';
import { themes } from './themes.js';
import { explainFallback } from '../diagnostics/widgetDiagnostics.js';

const FIX = 'Fix it in window.cartbackConfig, the data-* attribute or init(); until then';

function themeVars(theme: unknown) {
  const host = { reject: vi.fn() };
  const vars = getThemeVars(theme, (...problem) => host.reject(problem[0], explainFallback(...problem)));
  return { vars: Object.fromEntries(vars), rejected: host.reject.mock.calls };
}

describe('getThemeVars', () => {
  it('sets nothing for the light theme: its values are the :host defaults', () => {
    expect(themeVars(undefined)).toEqual({ vars: {}, rejected: [] });
    expect(themeVars('light')).toEqual({ vars: {}, rejected: [] });
    expect(themeVars({})).toEqual({ vars: {}, rejected: [] });
  });

  it('takes a preset by name (data-theme="dark") or as { preset }', () => {
    const dark = themeVars('dark');
    expect(dark.rejected).toEqual([]);
    expect(dark.vars).toMatchObject({ '--cb-bg': '#222', '--cb-fg': '#eee', '--cb-accent': '#8bf', '--cb-scheme': 'dark' });
    expect(themeVars({ preset: 'dark' })).toEqual(dark);
  });

  it('lays the store’s vars over the preset', () => {
    const { vars, rejected } = themeVars({ preset: 'espresso', vars: { '--cb-accent': '#e11d48', '--cb-font': '"Inter", sans-serif' } });
    expect(rejected).toEqual([]);
    expect(vars).toMatchObject({ '--cb-bg': '#f7efe5', '--cb-accent': '#e11d48', '--cb-font': '"Inter", sans-serif' });
    expect(Object.keys(vars).filter((name) => name == '--cb-accent')).toHaveLength(1);
  });

  it('names an unknown preset and falls back to light', () => {
    expect(themeVars('blue')).toEqual({
      vars: {},
      rejected: [['invalid_theme', `config.theme must be "auto", "light", "dark", "minimal", "espresso" (got "blue"). ${FIX} the light theme is used.`]],
    });
    expect(themeVars({ preset: 'constructor', vars: { '--cb-radius': '4px' } })).toEqual({
      vars: { '--cb-radius': '4px' },
      rejected: [['invalid_theme', `config.theme.preset must be "auto", "light", "dark", "minimal", "espresso" (got "constructor"). ${FIX} the light theme is used.`]],
    });
  });

  it.each([
    ['accent', '#e11d48'],
    ['--accent', '#e11d48'],
    ['--cb-bg; color', 'red'],
    ['--cb-bg', 'red; background: blue'],
    ['--cb-bg', 'red} :host { display: none'],
    ['--cb-backdrop', 'url(https://tracker.example/pixel.gif)'],
    ['--cb-backdrop', 'URL(x)'],
    ['--cb-backdrop', 'u\\72l(x)'],
    ['--cb-backdrop', 'image-set("a.png" 1x)'],
    ['--cb-bg', 12],
  ])('rejects the var %j: %j, and keeps the preset’s value', (name, value) => {
    const { vars, rejected } = themeVars({ preset: 'dark', vars: { [name]: value } });
    expect(vars).toEqual(themeVars('dark').vars);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]![1]).toMatch(new RegExp(`^config\\.theme\\.vars\\["${name.replace(/[[\]{}();]/g, '\\$&')}"\\] must be a "--cb-\\*" name`));
    expect(rejected[0]![1]).toContain('the preset is used.');
  });

  it('rejects vars that are not an object', () => {
    expect(themeVars({ vars: '--cb-bg: red' }).rejected[0]![1]).toMatch(/^config\.theme\.vars\[""\] must be .* \(got "--cb-bg: red"\)/);
  });

  it('only has presets with vars that the styles declare on :host', () => {
    const declared = styles.slice(0, styles.indexOf('}')).match(/--cb-[\w-]+(?=:)/g);
    for (const preset of Object.values(themes)) for (const name of Object.keys(preset)) expect(declared).toContain('--cb-' + name);
  });
});
