import type { CartSnapshot, PageInfo } from './types.js';

/** Why a provisional abandonment was cancelled: the shopper is on the store again. */
export type CancelReason = 'returned' | 'next_page' | 'other_tab';

/** Why a cart was abandoned: the tab closed, the shopper left the store, hid the tab, or went idle. */
export type AbandonReason = 'tab_closed' | 'navigated_away' | 'hidden' | 'idle';

/** What each event type carries besides the fields every event has (schema/events.v1.json). */
export interface EventFields {
  cart_updated: { cart: CartSnapshot };
  /** Sent provisionally with `graceUntil`: it counts once that has passed with no `abandonment_cancelled`. */
  cart_abandoned: { cart: CartSnapshot; abandonmentId: string; reason: AbandonReason; graceUntil?: string };
  abandonment_cancelled: { cart: CartSnapshot; abandonmentId: string; reason: CancelReason };
  cart_returned: { cart: CartSnapshot };
  checkout_started: { cart?: CartSnapshot };
  order_completed: { order: { orderId: string; value?: number; currency?: string }; attribution: Array<'exit_intent' | 'banner' | 'link'> };
  identified: { traits: Record<string, string | number | boolean> };
  exit_intent_shown: { cart: CartSnapshot; trigger: 'pointer' | 'scroll' | 'return' | 'api'; offer?: string };
  exit_intent_dismissed: { how: 'close' | 'escape' | 'keep_browsing' | 'backdrop' };
  exit_intent_clicked: { target: 'checkout' };
  exit_intent_submitted: {};
  banner_shown: { cart: CartSnapshot; trigger: 'return' | 'api'; position: 'top' | 'bottom' | 'corner' };
  banner_dismissed: { how: 'close' | 'escape' };
  banner_clicked: { target: 'checkout' };
  widget_suppressed: { widget: 'exit_intent' | 'banner'; reason: string };
  /** The modal or the banner would show now (whatever the arm: the holdout's is logged too). */
  experiment_exposed: {
    experimentId: string;
    arm: string;
    widget: 'exit_intent' | 'banner';
    shares: Record<string, number>;
    forced?: true;
  };
}

/** Event types on the wire; see schema/events.v1.json. */
export type EventType = keyof EventFields;

/** One event of type `T`, as `on(type, fn)` passes it and the endpoint receives it. */
export type EventOf<T extends EventType> = CartbackEvent & { type: T } & EventFields[T];

export type ConsentState = 'granted' | 'denied' | 'unknown' | 'not_required';

/** One event as it is stored in the outbox and sent. */
export interface CartbackEvent {
  id: string;
  type: EventType;
  time: string;
  anonymousId: string;
  sessionId: string;
  page: PageInfo;
  context: {
    library: { name: 'cartback'; version: string };
    locale: string;
    consent: ConsentState;
    experiment?: { id: string; variant: string };
    /** Experiment id to the visitor's arm, where the store runs experiments. */
    experiments?: Record<string, string>;
  };
  userId?: string;
  traits?: Record<string, unknown>;
  cart?: CartSnapshot;
  [extra: string]: unknown;
}

/** The POST body. */
export interface EventBatch {
  v: 1;
  sentAt: string;
  events: CartbackEvent[];
}
