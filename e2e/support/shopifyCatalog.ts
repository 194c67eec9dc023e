import { createHash } from 'node:crypto';

// The fixture Shopify store's products, and its cart as the AJAX Cart API shows it: every
// field Shopify documents for `GET /cart.js` and its lines (shopify.dev/docs/api/ajax/reference/cart),
// money in hundredths of a euro.

export interface Variant {
  id: number;
  title: string;
  /** In cents, as Shopify keeps it. */
  price: number;
  sku: string;
  grams: number;
  available: boolean;
}

export interface Product {
  id: number;
  handle: string;
  title: string;
  vendor: string;
  type: string;
  description: string;
  /** A file in e2e/fixtures/shopify/files, served at /cdn/shop/files/. */
  image?: string;
  giftCard?: boolean;
  variants: Variant[];
}

export const PRODUCTS: Product[] = [
  {
    id: 8011122233301,
    handle: 'linen-apron',
    title: 'Linen apron',
    vendor: 'Fernhill',
    type: 'Kitchen',
    description: 'A heavy linen apron with two pockets.',
    image: 'apron.svg',
    variants: [
      { id: 44120987650101, title: 'Sage', price: 1999, sku: 'APR-SAGE', grams: 240, available: true },
      { id: 44120987650102, title: 'Rust', price: 1999, sku: 'APR-RUST', grams: 240, available: true },
    ],
  },
  {
    id: 8011122233302,
    handle: 'enamel-mug',
    title: 'Enamel mug',
    vendor: 'Fernhill',
    type: 'Kitchen',
    description: 'A blue enamel camping mug.',
    image: 'mug.svg',
    variants: [{ id: 44120987650201, title: 'Default Title', price: 1250, sku: '', grams: 180, available: true }],
  },
  {
    id: 8011122233303,
    handle: 'loose-leaf-tea',
    title: 'Loose-leaf tea',
    vendor: 'Fernhill',
    type: 'Pantry',
    description: 'Green tea, 100 g.',
    variants: [{ id: 44120987650301, title: 'Default Title', price: 725, sku: 'TEA-100', grams: 100, available: true }],
  },
  {
    id: 8011122233304,
    handle: 'copper-kettle',
    title: 'Copper kettle',
    vendor: 'Fernhill',
    type: 'Kitchen',
    description: 'Sold out until spring.',
    image: 'kettle.svg',
    variants: [{ id: 44120987650401, title: 'Default Title', price: 6400, sku: 'KET-CU', grams: 900, available: false }],
  },
  {
    id: 8011122233305,
    handle: 'gift-card',
    title: 'Gift card',
    vendor: 'Fernhill',
    type: 'Gift card',
    description: 'Bought with a plain form post (no AJAX).',
    giftCard: true,
    variants: [{ id: 44120987650501, title: 'Default Title', price: 2500, sku: '', grams: 0, available: true }],
  },
];

export const [APRON, MUG, TEA, KETTLE, GIFT_CARD] = PRODUCTS as [Product, Product, Product, Product, Product];

export function findVariant(id: unknown): { product: Product; variant: Variant } | undefined {
  for (const product of PRODUCTS)
    for (const variant of product.variants) if (String(variant.id) === String(id)) return { product, variant };
  return undefined;
}

export interface CartLine {
  product: Product;
  variant: Variant;
  quantity: number;
  properties: Record<string, string>;
}

const hasOnlyDefault = (product: Product) => product.variants.length == 1 && product.variants[0]!.title == 'Default Title';

/** Shopify's line key: the variant, and a hash of what makes the line its own (here its properties). */
export const lineKey = (line: Pick<CartLine, 'variant' | 'properties'>) =>
  `${line.variant.id}:${createHash('md5').update(`${line.variant.id}${JSON.stringify(line.properties)}`).digest('hex')}`;

/** An image URL as Shopify writes it in the store's own domain (`/cdn/shop/files/...`). */
export const imageUrl = (origin: string, file: string) => `${origin}/cdn/shop/files/${file}?v=1712044800`;

/** One line of the cart, as `/cart.js` (and `/cart/add.js`) answer it. */
export function lineJson(line: CartLine, origin: string) {
  const { product, variant, quantity } = line;
  const image = product.image ? imageUrl(origin, product.image) : null;
  const only = hasOnlyDefault(product);
  return {
    id: variant.id,
    properties: line.properties,
    quantity,
    variant_id: variant.id,
    key: lineKey(line),
    title: only ? product.title : `${product.title} - ${variant.title}`,
    price: variant.price,
    original_price: variant.price,
    discounted_price: variant.price,
    line_price: variant.price * quantity,
    original_line_price: variant.price * quantity,
    total_discount: 0,
    discounts: [],
    sku: variant.sku,
    grams: variant.grams,
    vendor: product.vendor,
    taxable: !product.giftCard,
    product_id: product.id,
    product_has_only_default_variant: only,
    gift_card: !!product.giftCard,
    final_price: variant.price,
    final_line_price: variant.price * quantity,
    url: `/products/${product.handle}?variant=${variant.id}`,
    featured_image: image && { aspect_ratio: 1, alt: product.title, height: 800, url: image, width: 800 },
    image,
    handle: product.handle,
    requires_shipping: !product.giftCard,
    product_type: product.type,
    product_title: product.title,
    product_description: product.description,
    variant_title: only ? null : variant.title,
    variant_options: [variant.title],
    options_with_values: [{ name: only ? 'Title' : 'Colour', value: variant.title }],
    line_level_discount_allocations: [],
    line_level_total_discount: 0,
    quantity_rule: { min: 1, max: null, increment: 1 },
    has_components: false,
  };
}

/** The whole cart, as `GET /cart.js` and the cart-changing endpoints answer it. */
export function cartJson(token: string, lines: CartLine[], origin: string) {
  const total = lines.reduce((sum, line) => sum + line.variant.price * line.quantity, 0);
  return {
    token,
    note: null,
    attributes: {},
    original_total_price: total,
    total_price: total,
    total_discount: 0,
    total_weight: lines.reduce((sum, line) => sum + line.variant.grams * line.quantity, 0),
    item_count: lines.reduce((sum, line) => sum + line.quantity, 0),
    items: lines.map((line) => lineJson(line, origin)),
    requires_shipping: lines.some((line) => !line.product.giftCard),
    currency: 'EUR',
    items_subtotal_price: total,
    cart_level_discount_applications: [],
  };
}
