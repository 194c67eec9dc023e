import type { Core } from './createCore.js';
import type { EventType } from './events.js';

/** What an event describes, taken when it happens: the rest (who) is added by the tracker. */
export interface EventDraft {
  id: string;
  type: EventType;
  time: string;
  /** Absent without a browser page (tests, servers). */
  page?: import('./events.js').PageInfo;
  cart: import('./types.js').CartSnapshot;
  props: Record<string, unknown>;
}

export function createDraft(core: Core, type: EventType, props: Record<string, unknown> = {}): EventDraft {
  const { platform } = core;
  return {
    id: platform.uuid(),
    type,
    time: new Date(platform.now()).toISOString(),
    page: platform.page?.(),
    cart: core.cart.getSnapshot(),
    props,
  };
}
