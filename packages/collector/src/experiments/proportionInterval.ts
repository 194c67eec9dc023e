import { z95 } from './z95';

/**
 * The 95% Wilson score interval of a proportion (successes of trials): unlike the plain
 * normal interval it stays within [0, 1] and holds up with few successes, as Newcombe (1998)
 * showed. [0, 0] for no trials.
 */
export function proportionInterval(successes: number, trials: number): [number, number] {
  if (!trials) return [0, 0];
  const z = z95();
  const p = successes / trials;
  const center = (p + (z * z) / (2 * trials)) / (1 + (z * z) / trials);
  const half = ((z / (1 + (z * z) / trials)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials)));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
