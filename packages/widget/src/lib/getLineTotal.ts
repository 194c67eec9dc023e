import { fromMinor, toMinor, type CartItem } from '@cartback/core';

/** price × quantity in the currency's minor units, so 3 × 19.99 is exactly 59.97. */
export function getLineTotal(item: Pick<CartItem, 'price' | 'quantity'>, currency: string): number {
  return fromMinor(toMinor(item.price, currency) * item.quantity, currency);
}
