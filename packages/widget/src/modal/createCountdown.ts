/**
 * Calls `onTick` with the time left until `expiresAt`, in ms, now and whenever the displayed
 * second changes (not a fixed 1000 ms later, so it never drifts), until it reaches zero or the
 * returned stop is called. It holds no state of its own: the modal keeps the value in a signal,
 * so this file can travel in the modal's lazy file without a second copy of the signals library.
 */
export function createCountdown(expiresAt: number, now: () => number, onTick: (left: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const left = expiresAt - now();
    onTick(left);
    if (left > 0) timer = setTimeout(tick, left % 1000 || 1000);
  };
  tick();
  return () => clearTimeout(timer);
}
