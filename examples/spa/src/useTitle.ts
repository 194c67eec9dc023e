import { useEffect } from 'preact/hooks';

/**
 * Each route names its page: events made after a route change carry the new `page.title`
 * (cartback reads `document.title` and `location` when an event happens).
 */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Fernhill Coffee Roasters`;
  }, [title]);
}
