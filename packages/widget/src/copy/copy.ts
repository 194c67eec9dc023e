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
  checkout: 'Go to checkout',
  // Once the shopper has started checkout (`checkout_started` in this visit).
  checkoutReturn: 'Return to checkout',
  keepBrowsing: 'Keep browsing',
  bannerLabel: 'Your saved cart',
  bannerTitle: 'Welcome back — your cart is waiting',
  // By plural category (Intl.PluralRules): "1 item", "3 items"; {count} in the language's digits.
  itemCount: { one: '{count} item', other: '{count} items' },
  // {items} is itemCount.
  bannerBody: '{items} · {total}',
  bannerCheckout: 'Go to checkout',
  bannerDismiss: 'Dismiss',
  // The document title while the tab is hidden with a cart (`banner.tabTitle: true`).
  tabTitle: '🛒 Your cart is waiting',
  // The disclosure in the modal and the banner: why it shows, the store's privacy policy, and a way out.
  why: 'Why am I seeing this?',
  whyText: 'Your cart is saved on this device to help you finish your order.',
  privacy: 'Privacy policy',
  optOut: 'Don’t show this again',
} satisfies Record<string, string | PluralText>;

/** A text by plural category (Intl.PluralRules): `other`, and the categories the language has. */
export type PluralText = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type Copy = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : PluralText };
export type CopyKey = keyof Copy;

/**
 * Fills `{name}` placeholders. Returns the pieces, so a value can be an element (the offer
 * code goes in a `<code>`); `.join('')` them for plain text.
 */
export function fill<T>(template: string, values: Record<string, T>): (string | T)[] {
  // A placeholder with no value (a typo in a store's copy) stays visible, so it gets noticed.
  return template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? (piece in values ? values[piece]! : `{${piece}}`) : piece));
}
