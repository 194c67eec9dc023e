import { getContrast, type Rgb } from './getContrast.js';

/** `a` moved `amount` (0–1) of the way to `b`. */
export const mixColors = (a: Rgb, b: Rgb, amount: number): Rgb => a.map((channel, i) => Math.round(channel + (b[i]! - channel) * amount)) as Rgb;

/**
 * The colour nearest to `color` (the same hue, moved toward black or white in 5% steps) for
 * which `passes` is true, with the step it took (0: unchanged); undefined if none does.
 */
export function fitContrast<T>(color: Rgb, passes: (candidate: Rgb) => T | undefined): { color: Rgb; step: number; found: T } | undefined {
  for (let step = 0; step <= 20; step++)
    for (const toward of [[0, 0, 0], [255, 255, 255]] as Rgb[]) {
      const candidate = mixColors(color, toward, step / 20);
      const found = passes(candidate);
      if (found !== undefined) return { color: candidate, step, found };
    }
  return undefined;
}

export { getContrast };
