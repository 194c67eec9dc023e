import { CartbackError, describeValue, type CartbackApi } from '@cartback/core';

/** One entry of the stub queue: `['cart.add', item]`, or a function called with the API once ready. */
export type QueuedCall = [method: string, ...args: unknown[]] | ((api: CartbackApi) => void);

/**
 * Runs one queued call against the API. A bad entry is reported on the console and never
 * thrown, so one mistake in a theme does not stop the calls after it.
 */
export function runQueued(api: CartbackApi, entry: unknown): void {
  try {
    if (typeof entry === 'function') {
      // The callback is the store's code: its errors go to the console, not to unhandledrejection.
      api.ready.then(entry as (api: CartbackApi) => void).catch((error) => console.error(error));
      return;
    }
    const [method, ...args] = Array.isArray(entry) ? entry : [];
    let target: any = api;
    let owner: any = api;
    for (const part of typeof method === 'string' ? method.split('.') : [undefined]) {
      owner = target;
      target = part && target != null && Object.prototype.hasOwnProperty.call(target, part) ? target[part] : undefined;
    }
    if (typeof target !== 'function') {
      throw new CartbackError(
        'unknown_method',
        `cartback.push: ${describeValue(entry)} names no method; push e.g. ['cart.add', item]`,
      );
    }
    target.apply(owner, args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
}
