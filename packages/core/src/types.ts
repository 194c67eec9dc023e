/** A line in the cart, as the store passes it in. */
export interface CartItem {
  id: string;
  name: string;
  /** Unit price in the cart's currency, as a decimal number (19.99). */
  price: number;
  quantity: number;
  currency?: string;
  variant?: string;
  sku?: string;
  url?: string;
  image?: string;
  category?: string;
}

/** What `cart.add` accepts: numeric ids are kept as strings, quantity defaults to 1. */
export type CartItemInput = Omit<CartItem, 'id' | 'quantity' | 'variant'> & {
  id: string | number;
  quantity?: number;
  variant?: string | number;
};

export type CartPatch = Partial<Omit<CartItem, 'id'>>;

/** The cart as it is stored and shared between tabs. */
export interface CartState {
  id: string;
  /** Raised on every change; `cartId:version` names one abandonment. */
  version: number;
  items: CartItem[];
  currency: string;
  updatedAt: number;
}

/** What readers and subscribers get: the state plus derived totals. */
export interface CartSnapshot {
  id: string;
  version: number;
  items: CartItem[];
  currency: string;
  /** Sum of price × quantity, computed in minor units. */
  value: number;
  /** Sum of quantities. */
  count: number;
}

export type ChangeSource = 'local' | 'remote' | 'storage';

export type Unsubscribe = () => void;

/** Key/value persistence, IndexedDB in the browser. Every method may reject. */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Every key and value: the outbox keeps one key per event. */
  entries(): Promise<[string, unknown][]>;
}

/** A BroadcastChannel-like message bus between the store's open tabs. */
export interface TabChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', fn: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Everything core needs from its environment, injected so it runs and tests anywhere. */
export interface Platform {
  storage: KeyValueStorage;
  /** The page the events describe; the browser's is `location` and `document`. */
  page?: () => PageInfo;
  /** The page's window: its lifecycle, network and locks. Absent in tests and on servers. */
  window?: Window;

  openChannel?: (name: string) => TabChannel | undefined;
  now: () => number;
  uuid: () => string;
  console: Pick<Console, 'warn' | 'error' | 'info'>;
}

/** The page an event describes. */
export interface PageInfo {
  url: string;
  path: string;
  title: string;
  referrer: string;
}
