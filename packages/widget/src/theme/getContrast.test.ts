import { describe, expect, it } from 'vitest';
import { getContrast } from './getContrast.js';

describe('getContrast', () => {
  it('gives the WCAG ratios: 21:1 for black on white, 1:1 for a colour on itself, either way round', () => {
    expect(getContrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(getContrast([180, 83, 42], [180, 83, 42])).toBe(1);
    expect(getContrast([255, 255, 255], [26, 86, 219])).toBe(getContrast([26, 86, 219], [255, 255, 255]));
  });

  it('matches known pairs: #767676 on white is the grey that just passes AA', () => {
    expect(getContrast([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
    expect(getContrast([0x77, 0x77, 0x77], [255, 255, 255])).toBeLessThan(4.5);
  });
});
