/**
 * The presets: `--cb-*` values (named here without the prefix) over the light defaults, the
 * `:host` rule in styles.ts. Each keeps WCAG AA contrast, `fg` and `muted` on `bg` and
 * `accent-fg` on `accent` (the checkout button); axe-core checks in e2e/widget/themes.test.ts.
 */
export const themes: Record<string, Record<string, string>> = {
  light: {},
  dark: { bg: '#222', fg: '#eee', muted: '#aaa', accent: '#8bf', 'accent-fg': '#000', border: '#444', backdrop: '#000b', scheme: 'dark' },
  minimal: { fg: '#000', muted: '#555', accent: '#000', border: '#ddd', radius: '0px', shadow: 'none', backdrop: '#0006' },
  // Warm and round, with a serif: a coffee roaster, a bakery, a bookshop.
  espresso: {
    bg: '#f7efe5',
    fg: '#3b2a20',
    muted: '#6b5444',
    accent: '#6f4e37',
    border: '#e0cfbd',
    radius: '18px',
    font: 'Georgia,serif',
    backdrop: '#2b1a10b3',
  },
};
