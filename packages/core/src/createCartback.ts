import { CartbackError, describeValue } from './CartbackError';
import type { ResolvedConfig } from './config';
import { createCore, type CartListener } from './createCore';
import { createDraft } from './createDraft';
import type { EventType } from './events';
import type { Tracker } from './tracking';
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
  const core = createCore(config, platform);
  const { cart } = core;

  // Events are a lazy chunk, started once there is something to track: a cart, a shopper
  // back from an abandonment, events left by an earlier page, or an event call.
  let tracker: Promise<Tracker | undefined> | undefined;
  const startTracking = () =>
    (tracker ??= import('./tracking').then(
      ({ createTracker }) => createTracker(core),
      (error): undefined => {
        tracker = undefined;
        core.report(new CartbackError('chunk_failed', `the tracking code did not load (${error}); events are not recorded until it does`));
      },
    ));
  const track = (type: EventType, props?: Record<string, unknown>) => {
    const draft = createDraft(core, type, props);
    void startTracking().then((t) => t?.send(draft));
  };
  cart.subscribe((snapshot) => snapshot.items.length && startTracking());
  void core.ready.then(async () => {
    const pending = !!core.getEndedSession() || (await core.getStorage().entries()).some(([key]) => key.startsWith('event:'));
    if (pending || cart.getState().items.length) startTracking();
  });

  const api: CartbackApi & { core: typeof core } = {
    core,
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
      if (core.gpc) return false; // Global Privacy Control: no identity is kept or sent
      const identity = core.getIdentity();
      const userId = traits.customerId != null ? String(traits.customerId) : identity.userId;
      core.setIdentity({ ...identity, userId, traits: { ...identity.traits, ...traits } });
      track('identified', { traits });
      return true;
    },
    checkoutStarted() {
      track('checkout_started');
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
      track('order_completed', {
        order: { orderId: String(id), ...(value !== undefined && { value }), ...(currency && { currency }) },
        attribution: [],
      });
      cart.reset();
      return true;
    },
    async consent(state) {
      if (state === 'granted' || state === 'denied') {
        await core.setConsent(state);
        return void (await tracker)?.onConsent(state === 'granted');
      }
      core.reject(
        new CartbackError('invalid_consent', `consent: state must be "granted" or "denied" (got ${describeValue(state)}). Call it from your consent banner`),
      );
    },
    flush: async () => {
      await core.flush();
      await (await tracker)?.flush();
    },
    on: core.emitter.on,
    ready: core.ready.then(() => api),
    destroy() {
      void tracker?.then((t) => t?.destroy());
      core.destroy();
    },
  };
  return api;
}
