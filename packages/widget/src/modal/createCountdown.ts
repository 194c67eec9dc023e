import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * The time left until `expiresAt`, in ms, as a signal that changes when the displayed second
 * does (not a fixed 1000 ms later, so it never drifts), until it reaches zero or `stop()`.
 */
export function createCountdown(expiresAt: number, now: () => number): { left: ReadonlySignal<number>; stop(): void } {
  const left = signal(expiresAt - now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    left.value = expiresAt - now();
    if (left.value > 0) timer = setTimeout(tick, left.value % 1000 || 1000);
  };
  tick();
  return { left, stop: () => clearTimeout(timer) };
}
