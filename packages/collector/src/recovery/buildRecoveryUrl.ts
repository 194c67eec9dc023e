export interface CartLine {
  id: string;
  variant?: string;
  quantity: number;
}

const encode = encodeURIComponent;

/**
 * Where a restore link lands: the store's restoreUrl template with `{cartId}`, `{items}`
 * (Shopify's permalink form `variant-or-id:quantity,...`) and `{code}` filled in, the way the
 * widget fills it, plus `cb_recover=<abandonmentId>` (before any #hash), which the SDK reads
 * on landing to attribute the order to a `link`.
 */
export function buildRecoveryUrl(template: string, cart: { id: string; items: CartLine[] }, code: string | undefined, abandonmentId: string): string {
  const values: Record<string, string> = {
    cartId: encode(cart.id),
    items: cart.items.map((item) => `${encode(item.variant ?? item.id)}:${item.quantity}`).join(','),
    code: encode(code ?? ''),
  };
  const url = template.replace(/\{(cartId|items|code)\}/g, (_, name: string) => values[name]!);
  return url.replace(/^[^#]*/, (head) => `${head}${head.includes('?') ? '&' : '?'}cb_recover=${encode(abandonmentId)}`);
}
