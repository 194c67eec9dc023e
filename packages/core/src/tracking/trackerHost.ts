import type { Core } from '../engine/createCore.js';

/**
 * What the tracking chunk may use of the engine: not its consent changes, its tab sync, its
 * loaders or its lifecycle (`setConsent`, `tabSync`, `createLoader`, `destroy`).
 */
export type TrackerHost = Pick<
  Core,
  'config' | 'platform' | 'cart' | 'emitter' | 'report' | 'reject' | 'gpc' | 'getConsent' | 'getStorage' | 'ready' | 'post' | 'onTabMessage'
>;
