import { fromMinor, toMinor } from './money';
import type { CartItem, CartPatch, CartSnapshot, CartState, ChangeSource, Unsubscribe } from './types';
import { validateItem, validatePatch } from './validateItem';

type Op = (items: CartItem[]) => CartItem[];
type Listener = (cart: CartSnapshot, source: ChangeSource) => void;

const sameLine = (a: CartItem, id: string, variant?: string) =>
  a.id === id && (variant === undefined || a.variant === variant);

export function getCartSnapshot(state: CartState): CartSnapshot {
  let minor = 0;
  let count = 0;
  for (const item of state.items) {
    minor += toMinor(item.price, state.currency) * item.quantity;
    count += item.quantity;
  }
  return {
    id: state.id,
    version: state.version,
    items: state.items.map((item) => ({ ...item })),
    currency: state.currency,
    value: fromMinor(minor, state.currency),
    count,
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
 * replayed on top of it by `hydrate`, so an early `cart.add` is never lost or overwritten.
 */
export function createCart(options: CartOptions) {
  const { currency, now } = options;
  let state: CartState = { id: options.newId(), version: 0, items: [], currency, updatedAt: now() };
  let pending: Op[] | undefined = [];
  const listeners = new Set<Listener>();

  const notify = (source: ChangeSource) => {
    const snapshot = getCartSnapshot(state);
    for (const fn of [...listeners]) {
      try {
        fn(snapshot, source);
      } catch (error) {
        options.onError(error);
      }
    }
  };

  const apply = (op: Op): boolean => {
    const items = op(state.items);
    if (items === state.items) return false;
    state = { ...state, items, version: state.version + 1, updatedAt: now() };
    if (pending) pending.push(op);
    else options.onChange(state);
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

  const update = (id: string, variant: string | undefined, patch: CartPatch): Op => (items) => {
    if (!items.some((line) => sameLine(line, id, variant))) return items;
    return items
      .map((line) => (sameLine(line, id, variant) ? { ...line, ...patch } : line))
      .filter((line) => line.quantity > 0);
  };

  return {
    add: guard((input: unknown): Op => {
      const item = validateItem(input, currency);
      return (items) => {
        const line = items.find((l) => l.id === item.id && l.variant === item.variant);
        if (!line) return item.quantity ? [...items, item] : items;
        return update(item.id, item.variant, { ...item, quantity: line.quantity + item.quantity })(items);
      };
    }),
    update: guard((id: unknown, patch: unknown, variant?: string): Op =>
      update(String(id), variant, validatePatch(patch, currency)),
    ),
    remove: guard((id: unknown, variant?: string): Op => (items) => {
      const rest = items.filter((line) => !sameLine(line, String(id), variant));
      return rest.length === items.length ? items : rest;
    }),
    set: guard((input: unknown): Op => {
      const list = Array.isArray(input) ? input : [input];
      const next = list.map((item) => validateItem(item, currency, 'cart.set')).filter((i) => i.quantity);
      return () => next;
    }),
    clear: guard((): Op => (items) => (items.length ? [] : items)),
    /** Starts a new cart (after a purchase): new id, version 0. */
    reset(): void {
      state = { id: options.newId(), version: 0, items: [], currency, updatedAt: now() };
      options.onChange(state);
      notify('local');
    },
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
      if (saved && saved.currency === currency) {
        state = saved;
        for (const op of ops) state = { ...state, items: op(state.items), version: state.version + 1 };
        if (saved.items.length) notify('storage');
      }
      if (ops.length) options.onChange(state);
    },
    /** Adopts a newer cart written by another tab. */
    receive(remote: CartState): void {
      const newer =
        remote.updatedAt > state.updatedAt || (remote.updatedAt === state.updatedAt && remote.version > state.version);
      if (pending || !newer || remote.currency !== currency) return;
      state = remote;
      notify('remote');
    },
  };
}

export type Cart = ReturnType<typeof createCart>;
