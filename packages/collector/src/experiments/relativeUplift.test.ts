import { describe, expect, it } from 'vitest';
import { describeSample } from './describeSample';
import { relativeUplift } from './relativeUplift';

const proportion = (x: number, n: number) => describeSample(n, x, x);

describe('relativeUplift', () => {
  it('gives the relative change with its delta-method interval', () => {
    // 120/1000 against 100/1000: +20%. Var = p1(1-p1)/n1/p0² + p1²·p0(1-p0)/n0/p0⁴ with sample variances.
    const uplift = relativeUplift(proportion(120, 1000), proportion(100, 1000))!;
    expect(uplift.estimate).toBeCloseTo(0.2, 10);
    const v1 = (0.12 * 0.88 * 1000) / 999 / 1000;
    const v0 = (0.1 * 0.9 * 1000) / 999 / 1000;
    const se = Math.sqrt(v1 / 0.01 + (0.0144 * v0) / 0.0001);
    expect(uplift.high - uplift.estimate).toBeCloseTo(1.959964 * se, 5);
    expect(uplift.low).toBeLessThan(0); // 1,000 visitors per arm do not show +20% on 10%
  });

  it('is undefined while the baseline has nothing', () => {
    expect(relativeUplift(proportion(5, 100), proportion(0, 100))).toBeUndefined();
  });
});
