import type { CartbackError } from './CartbackError.js';
import type { CartListener } from './createCore.js';
import type { EventOf, EventType } from '../events.js';
import type { CartItem, CartItemInput, CartPatch, Unsubscribe } from '../types.js';

/** What `on(type, fn)` passes: the event of that type, or the CartbackError for `'error'`. */
export type CartbackEventMap = { [T in EventType]: EventOf<T> } & { error: CartbackError };

/** What `cart.update` may change: any field but the line's `id` and `variant`, and the cart's `currency`. */
export type CartItemPatch = Omit<CartPatch, 'variant' | 'currency'>;

export interface Order {
  orderId: string | number;
  value?: number;
  currency?: string;
}

export type Traits = Record<string, string | number | boolean | null | undefined> & {
  email?: string;
  phone?: string;
  customerId?: string;
  firstName?: string;
  lastName?: string;
  /** The shopper agreed to marketing email: the reference collector emails only them (docs/events.md). */
  acceptsMarketing?: boolean;
};

/** The runtime API: `window.cartback` after load, and what `init()` returns. */
export interface CartbackApi {
  cart: {
    // Typed for the store's code; every call is still checked at run time (plain scripts,
    // platform data): a bad one returns false and is reported, never thrown.
    add(item: CartItemInput): boolean;
    update(id: string | number, patch: CartItemPatch, variant?: string | number): boolean;
    remove(id: string | number, variant?: string | number): boolean;
    set(items: CartItemInput[]): boolean;
    clear(): boolean;
    readonly items: CartItem[];
    readonly value: number;
    readonly count: number;
    readonly currency: string;
    readonly id: string;
    subscribe(fn: CartListener): Unsubscribe;
  };
  /** Checked and kept once the tracking chunk is there: a mistake is reported then. */
  identify(traits: Traits): void;
  checkoutStarted(): void;
  purchase(order: Order): boolean;
  consent(state: 'granted' | 'denied'): Promise<void>;
  /** Sends pending events now, instead of at the next batch. */
  flush(): Promise<void>;
  /** Listens to an event type, or to `'error'`; returns how to stop. */
  on<K extends keyof CartbackEventMap>(type: K, fn: (payload: CartbackEventMap[K]) => void): Unsubscribe;
  /** Resolves to this same object. */
  ready: Promise<this>;
  destroy(): void;
}
