// The entry of the lazy `cartback-page-theme.js`: `theme: 'auto'` (the default), loaded with
// the widget, before anything shows. It reads the store's page once and derives the widget's
// look from it, every pair of colours held to WCAG AA.
import type { ReportProblem } from '../diagnostics/checkWidgetOptions.js';
import { fitContrast, getContrast, mixColors } from './fitContrast.js';
import type { Rgb } from './getContrast.js';

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The light theme's accent (styles.ts), when the page has none to give. */
const LIGHT_ACCENT: Rgb = [26, 86, 219];
/** What a page's primary buttons look like in the wild. */
const BUTTONS = 'button:not(:disabled),[type=submit],[class*=btn],[class*=button],[class*=primary]';

/** `rgb(1, 2, 3)` (a computed colour) or `#abc` / `#aabbcc` (a custom property's text), if opaque. */
function parseColor(text: string): Rgb | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(text.trim())?.[1];
  if (hex) return (hex.length == 3 ? [...hex].map((digit) => digit + digit) : hex.match(/../g)!).map((pair) => parseInt(pair, 16)) as Rgb;
  const [, r, g, b, alpha] = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(text.trim()) ?? [];
  // Colours in other spaces (oklch(), color()) are not read: the fallbacks stand in.
  return r && (alpha === undefined || +alpha == 1) ? [+r, +g!, +b!] : undefined;
}

const toHex = (color: Rgb) => '#' + color.map((channel) => channel.toString(16).padStart(2, '0')).join('');
const ratio = (a: Rgb, b: Rgb) => getContrast(a, b).toFixed(2) + ':1';
/** Colourful: buttons and links in the store's grey are not its accent. */
const isColourful = (color: Rgb) => Math.max(...color) - Math.min(...color) >= 40;

/** The colour `read` gives most often for `elements` (undefined: none), with how often and the first element that had it. */
function mostFrequent(elements: Element[], read: (element: Element) => Rgb | undefined) {
  const counts = new Map<string, { color: Rgb; count: number; element: Element }>();
  for (const element of elements) {
    const color = read(element);
    const entry = color && (counts.get(toHex(color)) ?? { color, count: 0, element });
    if (entry) counts.set(toHex(entry.color), { ...entry, count: entry.count + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0];
}

/**
 * The widget's custom properties for the page `win` shows: its background, text colour and
 * font (from `<body>`), its accent (the custom property `accentProperty` names, else the colour
 * most of its primary buttons share, else `<meta name="theme-color">`, else its links) with
 * the text colour on it, and the corner radius of those buttons (at most 20px). Text pairs
 * must reach 4.5:1 and the accent 3:1 against the background: a pair that fails is moved
 * toward black or white until it passes, or left to the light theme. `notes` say what was
 * picked and why, for `debug`.
 */
export function readPageTheme(win: Window, accentProperty: unknown, report: ReportProblem): { vars: [string, string][]; notes: string[] } {
  try {
    return readPage(win, accentProperty, report);
  } catch (error) {
    // Never into the host page, and never without a widget: the light theme stands in.
    return { vars: [], notes: [`the page could not be read (${error}): the light theme is used`] };
  }
}

function readPage(win: Window, accentProperty: unknown, report: ReportProblem): { vars: [string, string][]; notes: string[] } {
  const doc = win.document;
  const style = (element: Element) => win.getComputedStyle(element);
  const vars: [string, string][] = [];
  const notes: string[] = [];
  const set = (name: string, color: Rgb | string) => vars.push(['--cb-' + name, typeof color == 'string' ? color : toHex(color)]);
  const body = doc.body ?? doc.documentElement;
  const page = style(body);

  // The page: a transparent body shows the root's background, and a transparent root is white.
  let bg = parseColor(page.backgroundColor) ?? parseColor(style(doc.documentElement).backgroundColor) ?? WHITE;
  const fg = parseColor(page.color) ?? BLACK;
  if (getContrast(fg, bg) < 4.5) {
    notes.push(`the page's text ${toHex(fg)} on ${toHex(bg)} is ${ratio(fg, bg)}, under 4.5:1: the light theme's colours are used`);
    bg = WHITE;
  } else {
    set('bg', bg);
    set('fg', fg);
    // Secondary text: a third of the way to the background, then darker (or lighter) until it reads.
    set('muted', fitContrast(mixColors(fg, bg, 0.35), (muted) => getContrast(muted, bg) >= 4.5 || undefined)?.color ?? fg);
    set('border', mixColors(fg, bg, 0.8));
    if (getContrast(bg, BLACK) < 7) vars.push(['--cb-scheme', 'dark'], ['--cb-backdrop', '#000b']);
    notes.push(`text ${toHex(fg)} on ${toHex(bg)} (${ratio(fg, bg)}) from the page's body`);
  }
  set('font', page.fontFamily || 'system-ui,sans-serif');

  // The accent, from where the store says it is, or where stores usually put it.
  if (accentProperty !== undefined && !(typeof accentProperty == 'string' && /^--[\w-]+$/.test(accentProperty)))
    report('invalid_theme', 'config.theme.accentProperty', accentProperty);
  const named = typeof accentProperty == 'string' ? parseColor(style(doc.documentElement).getPropertyValue(accentProperty)) : undefined;
  const buttons = mostFrequent([...doc.querySelectorAll(BUTTONS)].slice(0, 60), (element) => {
    const color = parseColor(style(element).backgroundColor);
    return color && (isColourful(color) || getContrast(color, bg) >= 3) ? color : undefined;
  });
  const meta = parseColor(doc.querySelector<HTMLMetaElement>('meta[name=theme-color]')?.content ?? '');
  const links = mostFrequent([...doc.querySelectorAll('a[href]')].slice(0, 60), (element) => {
    const color = parseColor(style(element).color);
    return color && isColourful(color) && toHex(color) != '#0000ee' ? color : undefined;
  });
  const [accent, source] = named
    ? [named, String(accentProperty)]
    : buttons
      ? [buttons.color, `${buttons.count} button(s) like <${buttons.element.localName} class="${buttons.element.className}">`]
      : meta
        ? [meta, '<meta name="theme-color">']
        : links
          ? [links.color, 'the links']
          : [LIGHT_ACCENT, "the light theme (the page has no colourful button, theme-color or link)"];

  // The text on the accent: the store's own (on its buttons), else white or black.
  const texts = [buttons && parseColor(style(buttons.element).color), WHITE, BLACK].filter((text): text is Rgb => !!text);
  const fitted = fitContrast(accent, (candidate) =>
    getContrast(candidate, bg) >= 3 ? texts.find((text) => getContrast(text, candidate) >= 4.5) : undefined,
  )!;
  set('accent', fitted.color);
  set('accent-fg', fitted.found);
  notes.push(
    `accent ${toHex(accent)} from ${source}` +
      (fitted.step ? `, adjusted to ${toHex(fitted.color)} for contrast` : '') +
      `: text ${toHex(fitted.found)} on it ${ratio(fitted.found, fitted.color)}, ${ratio(fitted.color, bg)} against the background`,
  );

  const radius = buttons && parseFloat(style(buttons.element).borderTopLeftRadius);
  if (radius !== undefined && radius >= 0) set('radius', Math.min(radius, 20) + 'px');
  return { vars, notes };
}
