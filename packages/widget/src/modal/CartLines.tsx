import type { CartSnapshot } from '@cartback/core';
import { fill, type Copy } from '../copy/copy.js';
import { formatMoney } from '../lib/formatMoney.js';

export interface CartLinesProps {
  cart: CartSnapshot;
  copy: Copy;
  locale: string;
  /** The image URL to use, if it is safe (see safeUrl). */
  imageUrl(url: unknown): string | undefined;
}

/**
 * The shopper's real cart, one line per item. Store strings are only ever text here. The
 * list scrolls when the dialog is full, so it can take focus: keyboard users scroll it too.
 */
export function CartLines({ cart, copy, locale, imageUrl }: CartLinesProps) {
  return (
    <ul part="items" tabIndex={0} aria-label={copy.items}>
      {cart.items.map((item) => {
        const src = imageUrl(item.image);
        return (
          // A product with two variants is two lines with the same id.
          <li part="item" key={item.id + '\n' + (item.variant ?? '')}>
            {/* Decorative: the name is right beside it. */}
            {src && <img part="image" src={src} alt="" width={56} height={56} />}
            {/* One line, with an ellipsis (modalStyles); the text, and so the accessible name, stays whole. */}
            <span part="name">{item.name}</span>
            <span part="quantity">{fill(copy.quantity, { count: item.quantity }).join('')}</span>
            {/* The snapshot's prices are in the currency's minor units, so formatMoney's rounding puts the product right (see money.test). */}
            <span part="price">{formatMoney(item.price * item.quantity, cart.currency, locale)}</span>
          </li>
        );
      })}
    </ul>
  );
}
