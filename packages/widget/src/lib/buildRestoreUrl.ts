import type { CartSnapshot } from '@cartback/core';

/** Which widget a link came from: the tracking chunk reads it back as a touchpoint on the next page. */
export type LinkSource = 'exit_intent' | 'banner';

const encode = encodeURIComponent;

/**
 * The link back to the cart: `restoreUrl` with `{cartId}`, `{items}` (Shopify's cart
 * permalink form, `variant-or-id:quantity,...`, each id encoded) and `{code}` (the offer's, or
 * empty) filled in; else `checkoutUrl`, else `/checkout`. Every link gets `cb_source=<source>`
 * (before any `#hash`), so the page it opens knows the visit came from the widget. The
 * result may be relative: the caller resolves and checks it (safeUrl).
 */
export function buildRestoreUrl(
  config: { restoreUrl?: string; checkoutUrl?: string },
  cart: Pick<CartSnapshot, 'id' | 'items'>,
  code: string | undefined,
  source: LinkSource,
): string {
  const value = (name: string) =>
    name == 'cartId'
      ? encode(cart.id)
      : name == 'code'
        ? encode(code ?? '')
        : cart.items.map((item) => encode(item.variant ?? item.id) + ':' + item.quantity).join(',');
  const url = config.restoreUrl?.replace(/\{(cartId|items|code)\}/g, (_, name: string) => value(name)) ?? config.checkoutUrl ?? '/checkout';
  return url.replace(/^[^#]*/, (head) => head + (head.includes('?') ? '&' : '?') + 'cb_source=' + source);
}
