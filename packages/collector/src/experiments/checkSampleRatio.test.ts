import { describe, expect, it } from 'vitest';
import { checkSampleRatio } from './checkSampleRatio';

describe('checkSampleRatio', () => {
  it("matches the textbook example: Mendel's peas, 315/108/101/32 against 9:3:3:1 (chi² 0.470, p 0.925)", () => {
    const result = checkSampleRatio({ a: 315, b: 108, c: 101, d: 32 }, { a: 9 / 16, b: 3 / 16, c: 3 / 16, d: 1 / 16 })!;
    expect(result.chiSquare).toBeCloseTo(0.47, 2);
    expect(result.degreesOfFreedom).toBe(3);
    expect(result.pValue).toBeCloseTo(0.9254, 3);
    expect(result.mismatch).toBe(false);
  });

  it('trips on a 60/40 split under 50/50 weights', () => {
    const result = checkSampleRatio({ control: 1200, b: 800 }, { control: 0.5, b: 0.5 })!;
    expect(result.chiSquare).toBeCloseTo(80, 6);
    expect(result.pValue).toBeLessThan(0.001);
    expect(result.mismatch).toBe(true);
  });

  it('counts an arm with no visitors against its share, and leaves closed arms out', () => {
    expect(checkSampleRatio({ a: 500 }, { a: 0.5, b: 0.5 })!.mismatch).toBe(true);
    expect(checkSampleRatio({ a: 500, b: 510 }, { a: 0.5, b: 0.5, old: 0 })!.degreesOfFreedom).toBe(1);
    expect(checkSampleRatio({}, { a: 0.5, b: 0.5 })).toBeUndefined();
  });
});
