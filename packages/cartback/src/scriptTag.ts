import { isRecord } from '@cartback/core';
import type { CartbackApi } from './CartbackApi.js';
import { readScriptConfig } from './readScriptConfig.js';
import { runQueued } from './runQueued.js';
import { start } from './start.js';

// The entry of `cartback.js`, the file a store includes with a <script> tag. Unlike the
// npm entry, running it is the point: it reads the config, starts cartback, and replaces
// the stub queue `window.cartback` with the API after replaying the queued calls in order.

declare global {
  interface Window {
    cartback?: unknown;
    cartbackConfig?: unknown;
  }
}

const existing = window.cartback as (CartbackApi & { push?: unknown }) | unknown[] | undefined;

if (existing && !Array.isArray(existing)) {
  console.warn('[cartback] cartback.js is included twice: remove one <script> tag.');
} else {
  const script = document.currentScript as HTMLScriptElement | null;
  const fileConfig = window.cartbackConfig;
  const config = isRecord(fileConfig)
    ? { ...fileConfig, ...readScriptConfig(script) }
    : fileConfig === undefined
      ? readScriptConfig(script)
      : fileConfig; // not an object (an array, a string): let validation name it
  const api = start(config);
  const push = (...entries: unknown[]) => {
    entries.forEach((entry) => runQueued(api, entry));
    return 0;
  };
  window.cartback = Object.assign(api, { push });
  push(...(existing ?? []));
}
