/** Every English word the widget shows, in one place: locales and per-store copy replace it later. */
export const copy = {
  title: 'Leaving already? Your cart is still here',
  close: 'Close',
  items: 'Your cart',
  quantity: 'Qty {count}',
  total: 'Total',
  offer: '{percent}% off with code {code}',
  offerCode: 'Use code {code}',
  expires: 'Expires in {time}',
  emailLabel: 'Email',
  emailSubmit: 'Email me my cart',
  thanks: 'Thanks! We’ll email you a link back to your cart.',
  checkout: 'Return to checkout',
  keepBrowsing: 'Keep browsing',
};

/**
 * Fills `{name}` placeholders. Returns the pieces, so a value can be an element (the offer
 * code goes in a `<code>`); `.join('')` them for plain text.
 */
export function fill<T>(template: string, values: Record<string, T>): (string | T)[] {
  return template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? values[piece]! : piece));
}
