import { isRecord, type CartItemInput } from '@cartback/core';

/** A Shopify cart as cartback keeps it: the cart's token, its currency and its lines. */
export interface ShopifyCart {
  token: string;
  currency: string;
  items: CartItemInput[];
}

const isNumber = (v: unknown): v is number => typeof v == 'number' && isFinite(v);

/**
 * Maps the body of Shopify's AJAX Cart API `GET /cart.js` to cartback's items: one item per
 * line, `id` the product and `variant` the variant, so that the `{items}` restore link is
 * Shopify's cart permalink (`variant:quantity,...`). Throws an Error with a short reason when
 * the body is not a cart. The token is kept whole: since 2024 it carries `?key=...`, and
 * Shopify asks to treat it as an opaque value.
 */
export function readShopifyCart(json: unknown): ShopifyCart {
  if (!isRecord(json)) throw new Error('the cart is not an object');
  const { token, currency, items } = json;
  if (typeof token != 'string' || !token) throw new Error('the cart has no token');
  if (typeof currency != 'string') throw new Error('the cart has no currency');
  if (!Array.isArray(items)) throw new Error('cart.items is not an array');
  return { token, currency, items: items.map(readLine) };
}

function readLine(line: unknown, index: number): CartItemInput {
  const at = `items[${index}]`;
  if (!isRecord(line)) throw new Error(`${at} is not an object`);
  const { product_id, variant_id, product_title, quantity, final_price, url, image, sku } = line;
  if (!isNumber(variant_id)) throw new Error(`${at}.variant_id is not a number`);
  if (!isNumber(quantity)) throw new Error(`${at}.quantity is not a number`);
  // Every money amount of the AJAX API is in hundredths of the currency unit, whatever the
  // currency: "For currencies without subunits, such as JPY and KRW, tenths and hundredths of
  // a unit are appended. For example, 1000 Japanese yen is output as 100000."
  // (shopify.dev/docs/api/liquid/objects/discount; the same note is on every money field of
  // the Liquid objects). A KRW store's ₩8,900 item has the /cart.js price 890000:
  // community.shopify.com/c/Shopify-Design/Ajax-API-s-cart-js-response-contains-wrong-price-to-me/m-p/1190918
  if (!isNumber(final_price)) throw new Error(`${at}.final_price is not a number`);
  if (typeof product_title != 'string') throw new Error(`${at}.product_title is not a string`);
  return {
    id: String(isNumber(product_id) ? product_id : variant_id),
    variant: String(variant_id),
    name: product_title,
    quantity,
    price: final_price / 100,
    ...(typeof url == 'string' && { url }),
    ...(typeof image == 'string' && { image }),
    ...(typeof sku == 'string' && sku != '' && { sku }),
  };
}
