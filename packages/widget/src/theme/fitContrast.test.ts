import { describe, expect, it } from 'vitest';
import { fitContrast, mixColors } from './fitContrast.js';
import { getContrast, type Rgb } from './getContrast.js';

const WHITE: Rgb = [255, 255, 255];

describe('fitContrast', () => {
  it('keeps a colour that passes as it is', () => {
    const fitted = fitContrast([180, 83, 42], (color) => getContrast(color, WHITE) >= 4.5 || undefined);
    expect(fitted).toEqual({ color: [180, 83, 42], step: 0, found: true });
  });

  it('moves a failing colour toward black or white, in the fewest steps, keeping its hue', () => {
    const yellow: Rgb = [255, 214, 10];
    const fitted = fitContrast(yellow, (color) => getContrast(color, WHITE) >= 4.5 || undefined)!;
    expect(getContrast(fitted.color, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(fitted.step).toBeGreaterThan(0);
    // Darker, not lighter: white cannot get further from white.
    expect(fitted.color).toEqual(mixColors(yellow, [0, 0, 0], fitted.step / 20));
    const lessFitted = mixColors(yellow, [0, 0, 0], (fitted.step - 1) / 20);
    expect(getContrast(lessFitted, WHITE)).toBeLessThan(4.5);
  });

  it('says when nothing passes', () => {
    expect(fitContrast([128, 128, 128], () => undefined)).toBeUndefined();
  });
});
