/**
 * Every English word the widget shows, in one place. The other built-in languages are in
 * `locales/`, a file each with the same names; a store's `copy` option overrides any of them
 * (getCopy).
 */
export const en = {
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
  bannerLabel: 'Your saved cart',
  bannerTitle: 'Welcome back — your cart is waiting',
  // "Items: 3", not "3 items": the same words for one item and for many, in every language.
  bannerBody: 'Items: {count} · {total}',
  bannerCheckout: 'Go to checkout',
  bannerDismiss: 'Dismiss',
  // The document title while the tab is hidden with a cart (`banner.tabTitle: true`).
  tabTitle: '🛒 Your cart is waiting',
};

export type Copy = typeof en;
export type CopyKey = keyof Copy;

/**
 * Fills `{name}` placeholders. Returns the pieces, so a value can be an element (the offer
 * code goes in a `<code>`); `.join('')` them for plain text.
 */
export function fill<T>(template: string, values: Record<string, T>): (string | T)[] {
  // A placeholder with no value (a typo in a store's copy) stays visible, so it gets noticed.
  return template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? (piece in values ? values[piece]! : `{${piece}}`) : piece));
}
