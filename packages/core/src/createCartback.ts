import { CartbackError, describeValue } from './CartbackError';
import type { ResolvedConfig } from './config';
import { readConsentFlag } from './consentFlag';
import { createCore, type CartListener } from './createCore';
import { createTracker } from './createTracker';
import type { CartItem, Platform, Unsubscribe } from './types';

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
  identify(traits: Traits): boolean;
  checkoutStarted(): void;
  purchase(order: Order): boolean;
  consent(state: 'granted' | 'denied'): Promise<void>;
  /** Sends pending events now, instead of at the next batch. */
  flush(): Promise<void>;
  on(type: string, fn: (payload: any) => void): Unsubscribe;
  ready: Promise<CartbackApi>;
  destroy(): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the runtime API over a new engine. */
export function createCartback(config: ResolvedConfig, platform: Platform) {
  const win = platform.window;
  const core = createCore(config, platform, !config.requireConsent || readConsentFlag(win));
  const tracker = createTracker(core, win);
  const { cart } = core;

  const api: CartbackApi & { core: typeof core; tracker: typeof tracker } = {
    core,
    tracker,
    cart: {
      add: cart.add,
      update: cart.update,
      remove: cart.remove,
      set: cart.set,
      clear: cart.clear,
      get items() {
        return cart.getSnapshot().items;
      },
      get value() {
        return cart.getSnapshot().value;
      },
      get count() {
        return cart.getSnapshot().count;
      },
      get currency() {
        return config.currency;
      },
      get id() {
        return cart.getState().id;
      },
      subscribe: cart.subscribe,
    },
    identify(traits) {
      if (!isRecord(traits) || (traits.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(String(traits.email)))) {
        core.reject(
          new CartbackError(
            'invalid_traits',
            `identify: traits must be an object with a valid email if any (got ${describeValue(traits)}). Pass e.g. { email: "ada@example.com" }`,
          ),
        );
        return false;
      }
      if (!tracker.mayIdentify()) return false;
      const identity = core.getIdentity();
      const userId = traits.customerId != null ? String(traits.customerId) : identity.userId;
      core.setIdentity({ ...identity, userId, traits: { ...identity.traits, ...traits } });
      tracker.track('identified', { traits });
      return true;
    },
    checkoutStarted() {
      tracker.track('checkout_started');
    },
    purchase(order) {
      const id = isRecord(order) ? order.orderId : undefined;
      if (!(typeof id === 'string' && id) && !(typeof id === 'number' && Number.isFinite(id))) {
        core.reject(
          new CartbackError(
            'invalid_order',
            `purchase: order.orderId must be a non-empty string or number (got ${describeValue(id)}). Pass the store's order number`,
          ),
        );
        return false;
      }
      const { value, currency } = order;
      tracker.track('order_completed', {
        order: { orderId: String(id), ...(value !== undefined && { value }), ...(currency && { currency }) },
        attribution: [],
      });
      cart.reset();
      return true;
    },
    async consent(state) {
      if (state === 'granted' || state === 'denied') return tracker.setConsent(state);
      core.reject(
        new CartbackError('invalid_consent', `consent: state must be "granted" or "denied" (got ${describeValue(state)}). Call it from your consent banner`),
      );
    },
    flush: async () => {
      await core.flush();
      await tracker.flush();
    },
    on: core.emitter.on,
    ready: core.ready.then(() => api),
    destroy() {
      tracker.destroy();
      core.destroy();
    },
  };
  return api;
}
