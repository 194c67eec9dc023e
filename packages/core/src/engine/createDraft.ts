import type { Core } from './createCore.js';
import type { EventType } from '../events.js';
import type { CartSnapshot, PageInfo } from '../types.js';
import { isRecord } from './isRecord.js';
import { isString } from '../storage/records.js';

/** What an event describes, taken when it happens: the rest (who) is added by the tracker. */
export interface EventDraft {
  id: string;
  type: EventType;
  time: string;
  /** Absent without a browser page (tests, servers). */
  page?: PageInfo;
  cart: CartSnapshot;
  props: Record<string, unknown>;
}

export function createDraft(core: Pick<Core, 'platform' | 'cart'>, type: EventType, props: Record<string, unknown> = {}): EventDraft {
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

/** A draft read back from storage or a hand-over, which another script or version may have left. */
export function isDraft(value: unknown): value is EventDraft {
  const draft = value as EventDraft;
  return (
    isRecord(draft) &&
    isString(draft.id) &&
    isString(draft.type) &&
    !Number.isNaN(Date.parse(draft.time)) &&
    isRecord(draft.cart) &&
    Array.isArray(draft.cart.items) &&
    isRecord(draft.props)
  );
}
