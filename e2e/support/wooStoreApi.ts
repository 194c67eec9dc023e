import { createHash } from 'node:crypto';

// The fixture WooCommerce store's catalogue and the answers its endpoints give, shaped like
// the Store API's documented cart response (plugins/woocommerce/src/StoreApi/docs/cart.md)
// and the classic `?wc-ajax=` fragments answer.

export interface Product {
  /** The product's id, or the variation's own id for a variation. */
  id: number;
  type: 'simple' | 'variation';
  /** As WordPress sends it: HTML, with `wptexturize`'s entities. */
  name: string;
  slug: string;
  sku: string;
  /** Unit price in minor units (cents). */
  price: number;
  variation: Array<{ raw_attribute: string; attribute: string; value: string }>;
}

export const PRODUCTS: Product[] = [
  { id: 11, type: 'simple', name: 'Beanie with Logo', slug: 'beanie-with-logo', sku: 'woo-beanie-logo', price: 1999, variation: [] },
  {
    id: 31,
    type: 'variation',
    name: 'Hoodie',
    slug: 'hoodie',
    sku: 'woo-hoodie-blue-l',
    price: 4500,
    variation: [
      { raw_attribute: 'attribute_pa_color', attribute: 'Color', value: 'Blue' },
      { raw_attribute: 'attribute_size', attribute: 'Size', value: 'L' },
    ],
  },
  { id: 13, type: 'simple', name: 'Coffee &#8211; Single Origin', slug: 'coffee-single-origin', sku: 'coffee-so', price: 1250, variation: [] },
];

export interface Line {
  key: string;
  id: number;
  quantity: number;
}

/** WooCommerce's cart item key is an md5 of the product, variation and its data. */
export const cartItemKey = (id: number) => createHash('md5').update(`cart-item-${id}`).digest('hex');

const product = (id: number) => PRODUCTS.find((p) => p.id === id)!;

const money = (currency: string) => ({
  currency_code: currency,
  currency_symbol: currency === 'EUR' ? '€' : '$',
  currency_minor_unit: 2,
  currency_decimal_separator: ',',
  currency_thousand_separator: '.',
  currency_prefix: '',
  currency_suffix: currency === 'EUR' ? ' €' : ' $',
});

function storeApiItem(line: Line, origin: string, currency: string) {
  const { id, type, name, slug, sku, price, variation } = product(line.id);
  const cents = String(price);
  return {
    key: line.key,
    id,
    type,
    quantity: line.quantity,
    quantity_limits: { minimum: 1, maximum: 9999, multiple_of: 1, editable: true },
    name,
    short_description: '<p>A fixture product.</p>',
    description: '<p>A fixture product, sold only in tests.</p>',
    sku,
    low_stock_remaining: null,
    backorders_allowed: false,
    show_backorder_badge: false,
    sold_individually: false,
    permalink: `${origin}/product/${slug}/`,
    images: [
      {
        id: 100 + id,
        src: `${origin}/wp-content/uploads/${slug}.jpg`,
        thumbnail: `${origin}/wp-content/uploads/${slug}-450x450.jpg`,
        srcset: `${origin}/wp-content/uploads/${slug}.jpg 800w, ${origin}/wp-content/uploads/${slug}-450x450.jpg 450w`,
        sizes: '(max-width: 800px) 100vw, 800px',
        name: `${slug}.jpg`,
        alt: '',
      },
    ],
    variation,
    item_data: [],
    prices: {
      price: cents,
      regular_price: cents,
      sale_price: cents,
      price_range: null,
      ...money(currency),
      raw_prices: { precision: 6, price: `${price}0000`, regular_price: `${price}0000`, sale_price: `${price}0000` },
    },
    totals: {
      line_subtotal: String(price * line.quantity),
      line_subtotal_tax: '0',
      line_total: String(price * line.quantity),
      line_total_tax: '0',
      ...money(currency),
    },
    catalog_visibility: 'visible',
    extensions: {},
  };
}

/** The body of `GET /wp-json/wc/store/v1/cart` (and of every cart route's answer). */
export function storeApiCart(lines: Line[], origin: string, currency: string) {
  const total = String(lines.reduce((sum, line) => sum + product(line.id).price * line.quantity, 0));
  return {
    items: lines.map((line) => storeApiItem(line, origin, currency)),
    coupons: [],
    fees: [],
    totals: {
      total_items: total,
      total_items_tax: '0',
      total_fees: '0',
      total_fees_tax: '0',
      total_discount: '0',
      total_discount_tax: '0',
      total_shipping: null,
      total_shipping_tax: null,
      total_price: total,
      total_tax: '0',
      tax_lines: [],
      ...money(currency),
    },
    shipping_address: { first_name: '', last_name: '', company: '', address_1: '', address_2: '', city: '', state: '', postcode: '', country: 'DE', phone: '' },
    billing_address: { first_name: '', last_name: '', company: '', address_1: '', address_2: '', city: '', state: '', postcode: '', country: 'DE', email: '', phone: '' },
    needs_payment: lines.length > 0,
    needs_shipping: lines.length > 0,
    payment_requirements: ['products'],
    has_calculated_shipping: false,
    shipping_rates: [],
    items_count: lines.reduce((sum, line) => sum + line.quantity, 0),
    items_weight: 0,
    cross_sells: [],
    errors: [],
    payment_methods: ['bacs', 'cod'],
    extensions: {},
  };
}

/** The classic `?wc-ajax=` answer: the mini-cart's HTML to swap in, and a hash of the cart. */
export function cartFragments(lines: Line[]) {
  const items = lines
    .map((line) => {
      const { id, name, sku, price } = product(line.id);
      return (
        `<li class="woocommerce-mini-cart-item mini_cart_item">` +
        `<a href="/cart/?remove_item=${line.key}" class="remove remove_from_cart_button" aria-label="Remove ${name} from cart" ` +
        `data-product_id="${id}" data-cart_item_key="${line.key}" data-product_sku="${sku}">&times;</a>` +
        `${name} <span class="quantity">${line.quantity} &times; ${(price / 100).toFixed(2).replace('.', ',')}&nbsp;€</span></li>`
      );
    })
    .join('');
  const html = lines.length
    ? `<div class="widget_shopping_cart_content"><ul class="woocommerce-mini-cart cart_list product_list_widget">${items}</ul></div>`
    : `<div class="widget_shopping_cart_content"><p class="woocommerce-mini-cart__empty-message">No products in the cart.</p></div>`;
  return {
    fragments: { 'div.widget_shopping_cart_content': html },
    cart_hash: lines.length ? createHash('md5').update(JSON.stringify(lines)).digest('hex') : '',
  };
}
