import { isRecord, type CartItemInput } from '@cartback/core';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A WordPress name as text. The Store API sends names as HTML (`wptexturize` makes "-" into
 * `&#8211;`, `wp_kses_post` keeps a few tags); cartback shows names as text, never as HTML,
 * so `&#8211;` would be shown literally: tags are dropped and entities decoded.
 */
function htmlToText(html: string): string {
  return html
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(#\d+|#x[\da-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (entity, code: string) => {
      if (code[0] != '#') return ENTITIES[code.toLowerCase()]!;
      const point = code[1] == 'x' || code[1] == 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? String.fromCodePoint(point) : entity;
    });
}

/**
 * "1999" in minor unit 2 is 19.99: the decimal point is moved in the string and the result
 * parsed once, so the price is the double nearest the decimal (`1999 * 0.01` would drift to
 * 19.990000000000002).
 */
function fromMinorUnits(value: unknown, unit: unknown): number {
  if (typeof value != 'string' || !/^\d+$/.test(value)) throw new Error(`the price ${JSON.stringify(value)} is not a string of minor units`);
  if (!Number.isInteger(unit) || (unit as number) < 0 || (unit as number) > 10)
    throw new Error(`currency_minor_unit ${JSON.stringify(unit)} is not a whole number from 0 to 10`);
  const digits = value.padStart((unit as number) + 1, '0');
  const point = digits.length - (unit as number);
  return Number(digits.slice(0, point) + '.' + digits.slice(point));
}

const text = (value: unknown) => (typeof value == 'string' && value ? value : undefined);

function readItem(item: unknown, currency: string, index: number): CartItemInput {
  const where = `items[${index}]`;
  if (!isRecord(item) || !isRecord(item.prices)) throw new Error(`${where} is not a cart item with prices`);
  const { id, quantity, name, prices, variation = [], images = [] } = item;
  if (!(typeof id == 'number' && Number.isInteger(id) && id > 0) && !text(id)) throw new Error(`${where}.id ${JSON.stringify(id)} is not a product id`);
  if (!Number.isInteger(quantity) || (quantity as number) < 0) throw new Error(`${where}.quantity ${JSON.stringify(quantity)} is not a whole number`);
  if (typeof name != 'string') throw new Error(`${where}.name is not a string`);
  if ((prices.currency_code ?? currency) !== currency) throw new Error(`${where} is in ${prices.currency_code}, the cart in ${currency}`);
  if (!Array.isArray(variation) || !variation.every((v) => isRecord(v) && typeof v.value == 'string'))
    throw new Error(`${where}.variation is not a list of { attribute, value }`);
  const image: unknown = Array.isArray(images) && isRecord(images[0]) ? images[0].thumbnail || images[0].src : undefined;

  // A variation's `id` is the variation's own, so each line has its own id and needs no
  // `variant`: restore links' `{items}` then give `id:quantity` with ids WooCommerce's
  // `?add-to-cart=<id>&quantity=<n>` accepts. The chosen attributes join the name the way
  // WooCommerce names variations in orders and emails: "Hoodie - Blue, L".
  const values = (variation as Array<{ value: string }>).map((v) => htmlToText(v.value));
  const line: CartItemInput = {
    id: String(id),
    name: htmlToText(name) + (values.length ? ' - ' + values.join(', ') : ''),
    price: fromMinorUnits(prices.price, prices.currency_minor_unit),
    quantity: quantity as number,
  };
  const sku = text(item.sku);
  if (sku) line.sku = htmlToText(sku);
  if (text(item.permalink)) line.url = item.permalink as string;
  if (text(image)) line.image = image as string;
  return line;
}

/**
 * Maps the body of WooCommerce's Store API `GET /wp-json/wc/store/v1/cart` to cartback's
 * items and the cart's currency. Prices there are strings in the currency's minor units
 * (`"1999"` with `currency_minor_unit: 2`); anything not shaped like that throws an Error
 * saying what, so the adapter can ignore the answer rather than sync a wrong cart.
 */
export function readStoreApiCart(body: unknown): { currency: string; items: CartItemInput[] } {
  if (!isRecord(body) || !Array.isArray(body.items) || !isRecord(body.totals)) throw new Error('the answer is not a Store API cart');
  const currency = body.totals.currency_code;
  if (typeof currency != 'string' || !/^[A-Z]{3}$/.test(currency)) throw new Error(`totals.currency_code ${JSON.stringify(currency)} is not a currency code`);
  return { currency, items: body.items.map((item, index) => readItem(item, currency, index)) };
}
