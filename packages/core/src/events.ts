import type { CartSnapshot, PageInfo } from './types.js';

/** Event types on the wire; see schema/events.v1.json. */
export type EventType =
  | 'cart_updated'
  | 'cart_abandoned'
  | 'abandonment_cancelled'
  | 'cart_returned'
  | 'checkout_started'
  | 'order_completed'
  | 'identified'
  | 'exit_intent_shown'
  | 'exit_intent_dismissed'
  | 'exit_intent_clicked'
  | 'exit_intent_submitted'
  | 'banner_shown'
  | 'banner_dismissed'
  | 'banner_clicked'
  | 'widget_suppressed';

/** Why a provisional abandonment was cancelled: the shopper is on the store again. */
export type CancelReason = 'returned' | 'next_page' | 'other_tab';

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
