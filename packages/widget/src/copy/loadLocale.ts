import type { WidgetHost } from '../types.js';
import type { Copy } from './copy.js';

/**
 * Each built-in language besides English is its own small file, so that a shop downloads only
 * its own: a chunk beside the widget's (`cartback-locale-de.js` beside `cartback-widget.js` in
 * the browser build), fetched with the widget, before anything shows.
 */
const LOCALES: Record<string, () => Promise<{ default: Copy }>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
};

/**
 * The built-in strings of `locale`'s language, by the names of `en` (copy.ts); none for
 * English or a language without them. A file that does not load (offline, a CSP) is
 * warned about, and the widget shows English.
 */
export function loadLocale(locale: string, host: Pick<WidgetHost, 'warn'>): Promise<Copy | undefined> | undefined {
  const language = locale.split('-')[0]!.toLowerCase();
  return LOCALES[language]?.().then(
    (module) => module.default,
    (error) => void host.warn('chunk_failed', `the ${language} copy did not load (${error}); the widget shows English`),
  );
}
