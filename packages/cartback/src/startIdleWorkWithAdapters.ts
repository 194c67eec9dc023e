import type { Cartback } from '@cartback/core';
import { startIdleWork } from '@cartback/core/idle';

/**
 * The entry of the lazy `cartback-idle.js`, loaded at the page's first idle moment: core's
 * idle work (other tabs, events left to send), with the platform adapters, which load only on
 * a store that uses one.
 */
export function startIdleWorkWithAdapters(engine: Cartback, win: Window): Promise<() => void> {
  return startIdleWork(engine, win, () => import('@cartback/adapters'));
}
