/** A price as the shop shows it: `€14.50`. The currency is the cart's (`cartback.cart.currency`). */
export function formatPrice(value: number, currency: string): string {
  return new Intl.NumberFormat('en-IE', { style: 'currency', currency }).format(value);
}
