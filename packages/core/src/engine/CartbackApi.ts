import type { CartListener } from './createCore.js';
import type { CartItem, Unsubscribe } from '../types.js';

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
};

/** The runtime API: `window.cartback` after load, and what `init()` returns. */
export interface CartbackApi {
  cart: {
    add(item: unknown): boolean;
    update(id: string | number, patch: unknown, variant?: string): boolean;
    remove(id: string | number, variant?: string): boolean;
    set(items: unknown[]): boolean;
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
  on(type: string, fn: (payload: any) => void): Unsubscribe;
  /** Resolves to this same object. */
  ready: Promise<this>;
  destroy(): void;
}
