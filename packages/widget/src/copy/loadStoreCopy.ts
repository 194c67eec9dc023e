import type { WidgetHost } from '../types.js';

/**
 * The check and merge of the store's own words (mergeStoreCopy), a file of its own
 * (`cartback-store-copy.js`) fetched with the widget only when the store sets `copy`. A file
 * that does not load leaves the built-in words, with a warning.
 */
export function loadStoreCopy(copy: unknown, host: Pick<WidgetHost, 'warn'>) {
  return copy
    ? import('./mergeStoreCopy.js').then(
        (module) => module.mergeStoreCopy,
        (error) => void host.warn('chunk_failed', `the store's copy did not load (${error}); the built-in words are used`),
      )
    : undefined;
}
