import { fromMinor, toMinor } from './money.js';
import type { CartItem, CartPatch, CartSnapshot, CartState, ChangeSource, Unsubscribe } from '../types.js';
import { validateItem, validatePatch } from './validateItem.js';

type Items = (items: CartItem[]) => CartItem[];
type Op = (state: CartState) => CartState;
type Listener = (cart: CartSnapshot, source: ChangeSource) => void;

/** `variant` undefined selects every line of the product (update, remove). */
const isLine = (line: CartItem, id: string, variant?: string) =>
  line.id === id && (variant === undefined || line.variant === variant);

/**
 * What the API, the events and the widget see of the cart. Prices are rounded to the currency's
 * minor unit here, on the way out, not as items come in: the currency's digits come from
 * `Intl.NumberFormat`, whose first use in a tab costs tens of ms, and a `cart.add` (the
 * shopper's click) or the check of a saved cart at load would pay it.
 */
export function getCartSnapshot(state: CartState): CartSnapshot {
  const { currency } = state;
  let minor = 0;
  let count = 0;
  const items = state.items.map((item) => {
    const price = toMinor(item.price, currency);
    minor += price * item.quantity;
    count += item.quantity;
    return { ...item, price: fromMinor(price, currency) };
  });
  return { id: state.id, version: state.version, items, currency, value: fromMinor(minor, currency), count };
}

/**
 * The snapshot handed to the listeners of one change: its items, value and count are worked
 * out when a listener first reads them, once for all, so that a change of a 1,000-line cart
 * costs no more than one of a 1-line cart where nobody looks (cartback's own listeners read
 * `getState()`, which copies nothing).
 */
function getLazySnapshot(state: CartState): CartSnapshot {
  let full: CartSnapshot | undefined;
  const get = () => (full ??= getCartSnapshot(state));
  return {
    id: state.id,
    version: state.version,
    get items() {
      return get().items;
    },
    currency: state.currency,
    get value() {
      return get().value;
    },
    get count() {
      return get().count;
    },
  };
}

export interface CartOptions {
  currency: string;
  newId: () => string;
  now: () => number;
  /** Called after every local change (persist, broadcast, events). */
  onChange: (state: CartState) => void;
  /** Called with every error a mutator catches; mutators never throw. */
  onError: (error: unknown) => void;
}

/**
 * The cart store. Changes made before the saved cart is loaded are kept as operations and
 * replayed on top of it by `hydrate`, so an early `cart.add`, `cart.remove` or purchase is
 * never lost or overwritten by what was saved.
 */
export function createCart(options: CartOptions) {
  const { currency, now } = options;
  const empty = (id = options.newId()): CartState => ({ id, version: 0, items: [], currency, updatedAt: now() });
  let state = empty();
  let pending: Op[] | undefined = [];
  const listeners = new Set<Listener>();

  const notify = (source: ChangeSource) => {
    const snapshot = getLazySnapshot(state);
    for (const fn of [...listeners]) {
      try {
        fn(snapshot, source);
      } catch (error) {
        options.onError(error);
      }
    }
  };

  /** An operation on the items; a no-op keeps the same state (and version). */
  const onItems =
    (fn: Items): Op =>
    (s) => {
      const items = fn(s.items);
      return items === s.items ? s : { ...s, items, version: s.version + 1, updatedAt: now() };
    };

  /** Applies an operation. Before hydration it is also kept for replay, whatever it did here. */
  const apply = (op: Op): boolean => {
    const next = op(state);
    pending?.push(op);
    if (next === state) return !!pending;
    state = next;
    if (!pending) options.onChange(state);
    notify('local');
    return true;
  };

  /** Runs a mutator: a caller mistake is reported and the cart left unchanged. */
  const guard =
    <A extends unknown[]>(fn: (...args: A) => Op) =>
    (...args: A): boolean => {
      try {
        return apply(fn(...args));
      } catch (error) {
        options.onError(error);
        return false;
      }
    };

  const patchLines = (id: string, variant: string | undefined, patch: CartPatch): Items => (items) =>
    items.some((line) => isLine(line, id, variant))
      ? items.map((line) => (isLine(line, id, variant) ? { ...line, ...patch } : line)).filter((line) => line.quantity > 0)
      : items;

  return {
    add: guard((input: unknown): Op => {
      const item = validateItem(input, currency);
      return onItems((items) => {
        // The same product and variant (exactly: no variant is its own line) adds up.
        const line = items.find((l) => l.id === item.id && l.variant === item.variant);
        if (line) return items.map((l) => (l === line ? { ...l, ...item, quantity: l.quantity + item.quantity } : l));
        return item.quantity ? [...items, item] : items;
      });
    }),
    update: guard((id: unknown, patch: unknown, variant?: string): Op =>
      onItems(patchLines(String(id), variant, validatePatch(patch))),
    ),
    remove: guard((id: unknown, variant?: string): Op =>
      onItems((items) => {
        const rest = items.filter((line) => !isLine(line, String(id), variant));
        return rest.length === items.length ? items : rest;
      }),
    ),
    set: guard((input: unknown): Op => {
      const list = Array.isArray(input) ? input : [input];
      const next = list.map((item) => validateItem(item, currency, 'cart.set')).filter((i) => i.quantity);
      return onItems(() => next);
    }),
    clear: guard((): Op => onItems((items) => (items.length ? [] : items))),
    /** Starts a new, empty cart at version 0: after a purchase, or under the platform's own cart id (an adapter's). */
    reset: (id?: string) => void apply(() => empty(id)),
    subscribe(fn: Listener): Unsubscribe {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    getState: (): CartState => state,
    getSnapshot: (): CartSnapshot => getCartSnapshot(state),
    /** Adopts the saved cart, then replays what happened before it was loaded. */
    hydrate(saved: CartState | undefined): void {
      const ops = pending ?? [];
      pending = undefined;
      if (saved?.currency === currency) {
        state = ops.reduce((s, op) => op(s), saved);
        if (state.items.length) notify('storage');
      }
      if (ops.length) options.onChange(state);
    },
    /** Adopts a cart another tab wrote, which tab sync found newer (isNewerCart); none before the saved cart is loaded, nor in another currency. */
    adopt(remote: CartState): void {
      if (pending || remote.currency !== currency) return;
      state = remote;
      notify('remote');
    },
  };
}

export type Cart = ReturnType<typeof createCart>;
