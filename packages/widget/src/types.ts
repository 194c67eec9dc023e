import type { CartSnapshot, EventType, Experiments, ResolvedConfig } from '@cartback/core';

/** What made the exit-intent modal open: the detector's signals, or `showExitIntent()`. */
export type ExitTrigger = 'pointer' | 'scroll' | 'return' | 'api';

/** `config.exitIntent` (core only checks it is an object; checkWidgetOptions the rest). */
export type ExitIntentOptions = NonNullable<ResolvedConfig['exitIntent']>;

/** The events the widget sends (core's EventType has them all). */
export type WidgetEventType = Extract<EventType, `exit_intent_${string}` | `banner_${string}` | 'widget_suppressed'>;

/** The tracker's current session: the widget shows at most once in one, never after an order. */
export interface WidgetSession {
  id: string;
  converted: boolean;
  /** The shopper started checkout in this session (`checkout_started`). */
  checkoutStarted?: boolean;
  /** This page began the session as the shopper's return after leaving with the cart: the banner's moment. */
  returned?: boolean;
}

/**
 * Everything the widget needs from the rest of cartback, handed in by the `cartback`
 * package: the widget uses core only through this and core's public exports.
 */
export interface WidgetHost {
  /** The store's config, with the changes of the visitor's experiment arms. */
  config: ResolvedConfig;
  /** Where the store runs experiments: exposes the visitor's arms; `off`: the widget stays hidden (a holdout). */
  experiments?: Pick<Experiments, 'off' | 'expose'>;
  window: Window;
  getCart(): CartSnapshot;
  /** Called on every cart change; returns an unsubscribe. */
  subscribe(fn: (cart: CartSnapshot) => void): () => void;
  track(type: WidgetEventType, props?: Record<string, unknown>): void;
  identify(traits: { email: string }): void;
  getSession(): Promise<WidgetSession>;
  /** The widget's own record in cartback's storage (IndexedDB, or memory before consent). */
  load(): Promise<unknown>;
  save(record: unknown): Promise<void>;
  now(): number;
  /** Logged only with `debug: true`: why a widget did not show, and the like. */
  debug(message: string): void;
  /** A background problem (e.g. an unsafe URL dropped): warned once per code, emitted on `on('error')`. */
  warn(code: string, message: string): void;
  /** A mistake in the store's config for the widget: one console error each. */
  reject(code: string, message: string): void;
}

export interface Widget {
  /** Opens the modal if the rules allow it (always for 'api', which is a preview). */
  showExitIntent(trigger: ExitTrigger): void;
  /** Shows the return banner now, whatever the rules say (previews, tests). */
  showBanner(): void;
  /** Removes the host element and every listener. */
  destroy(): void;
}
