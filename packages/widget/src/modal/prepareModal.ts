import type { CartSnapshot } from '@cartback/core';
import { formatMoney } from '../lib/formatMoney.js';
import { safeUrl } from '../lib/safeUrl.js';

/**
 * What the modal's first open would otherwise do in the frame of the trigger, done at an idle
 * moment while the cart holds something: the shop's money format built (making an
 * `Intl.NumberFormat` costs more than a whole later open) and the cart's images fetched and
 * decoded, so that the first frame shows them. Unsafe image URLs are left to the open, which
 * warns about them (createUrlCheck).
 */
export function prepareModal(win: Window, cart: CartSnapshot, locale: string): void {
  formatMoney(0, cart.currency, locale);
  for (const item of cart.items) {
    const src = safeUrl(item.image, win.location.href);
    if (!src) continue;
    const image = win.document.createElement('img');
    image.src = src;
    image.decode().catch(() => {}); // a broken image shows as one at the open
  }
}
