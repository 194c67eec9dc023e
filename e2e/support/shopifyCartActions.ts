import { isRecord } from '../../packages/core/src/engine/isRecord';
import { cartJson, findVariant, lineJson, lineKey, type CartLine } from './shopifyCatalog';

export type CartAction = 'add' | 'change' | 'update' | 'clear';

/** A failed request, answered with Shopify's documented error body. */
type Failure = { status: number; json: unknown };
/** A done one: the cart's new lines, and the answer (it needs the origin for image URLs, and the cart's token). */
type Done = { status: 200; lines: CartLine[]; json: (origin: string, token: string) => unknown };

const cartError = (status: number, description: string): Failure => ({ status, json: { status, message: 'Cart Error', description } });
const noLine: Failure = {
  status: 400,
  json: { status: 'bad_request', message: 'no valid id or line parameter', description: 'no valid id or line parameter' },
};

/**
 * What `POST /cart/{add,change,update,clear}.js` do to a cart's `lines`, after
 * shopify.dev/docs/api/ajax/reference/cart: `add` takes `items: [{id, quantity}]` or one
 * `id`/`quantity` (JSON or a form) and answers the added lines (the one line for a single
 * `id`), new lines first; `change` finds one line by `line` (1-based), line `key` or variant
 * `id` and sets its quantity, 0 removing it; `update` sets `updates: {variantOrKey: qty}`,
 * adding variants not in the cart; `clear` empties it. The last three answer the cart.
 */
export function runCartAction(action: CartAction, lines: CartLine[], body: string, contentType = ''): Failure | Done {
  let params: Record<string, unknown>;
  try {
    params = /json/.test(contentType) ? JSON.parse(body || '{}') : parseForm(body);
    if (!isRecord(params)) throw new Error('not an object');
  } catch {
    return { status: 400, json: { status: 'bad_request', message: 'Parameter Missing or Invalid', description: 'The body is not valid.' } };
  }
  const next = lines.map((line) => ({ ...line }));

  if (action === 'add') {
    const many = Array.isArray(params.items);
    const added: CartLine[] = [];
    for (const item of many ? (params.items as unknown[]) : [params]) {
      const found = isRecord(item) ? findVariant(item.id) : undefined;
      if (!found || !isRecord(item)) return cartError(404, 'Cannot find variant');
      if (!found.variant.available) return cartError(422, `The product '${found.product.title}' is already sold out.`);
      const quantity = item.quantity == null ? 1 : Number(item.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) return cartError(422, 'The quantity must be a whole number of 1 or more.');
      const properties = (isRecord(item.properties) ? item.properties : {}) as Record<string, string>;
      let line = next.find((l) => lineKey(l) === lineKey({ variant: found.variant, properties }));
      if (line) line.quantity += quantity;
      else next.unshift((line = { ...found, quantity, properties }));
      added.push(line);
    }
    return { status: 200, lines: next, json: (origin) => (many ? { items: added.map((l) => lineJson(l, origin)) } : lineJson(added[0]!, origin)) };
  }

  if (action === 'change') {
    const id = params.id == null ? undefined : String(params.id);
    const index =
      params.line != null
        ? Number(params.line) - 1
        : next.findIndex((line) => (id?.includes(':') ? lineKey(line) === id : String(line.variant.id) === id));
    const line = next[index];
    if (!line) return noLine;
    line.quantity = params.quantity == null ? line.quantity : Number(params.quantity);
    return finish(next);
  }

  if (action === 'update') {
    const updates = params.updates;
    if (Array.isArray(updates)) updates.forEach((quantity, index) => next[index] && (next[index]!.quantity = Number(quantity)));
    else if (isRecord(updates))
      for (const [id, value] of Object.entries(updates)) {
        const quantity = Number(value);
        const line = next.find((l) => (id.includes(':') ? lineKey(l) === id : String(l.variant.id) === id));
        if (line) line.quantity = quantity;
        else if (quantity > 0) {
          const found = findVariant(id);
          if (!found) return cartError(404, 'Cannot find variant');
          next.push({ ...found, quantity, properties: {} });
        }
      }
    return finish(next);
  }

  return finish([]);
}

/** The cart without its emptied lines, answered whole. */
function finish(lines: CartLine[]): Done {
  const kept = lines.filter((line) => line.quantity > 0);
  return { status: 200, lines: kept, json: (origin, token) => cartJson(token, kept, origin) };
}

/** A form body: `id=1&quantity=2`, and one level of brackets (`updates[123]=2`, `properties[Name]=x`). */
function parseForm(body: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const [, name, inner] = /^([^[]+)(?:\[([^\]]*)\])?$/.exec(key) ?? [, key];
    if (inner === undefined) params[name!] = value;
    else ((params[name!] ??= {}) as Record<string, unknown>)[inner] = value;
  }
  return params;
}
