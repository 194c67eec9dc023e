// jstat is CommonJS: Node's ESM loader gives it as one default export (bundlers also allow names).
import jstat from 'jstat';

const { jStat } = jstat;

/** Below this p-value the split is called broken, as GrowthBook does. */
export const SRM_THRESHOLD = 0.001;

export interface SampleRatio {
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
  /** The visitors are not split as the weights say: the results cannot be trusted. */
  mismatch: boolean;
}

/**
 * Sample ratio mismatch: a chi-square goodness-of-fit test of the visitors counted in each
 * arm against the arms' configured shares. Arms with no share are left out. Undefined with
 * fewer than two arms or no visitors.
 */
export function checkSampleRatio(counts: Record<string, number>, shares: Record<string, number>): SampleRatio | undefined {
  const arms = Object.keys(shares).filter((arm) => shares[arm] > 0);
  const total = arms.reduce((sum, arm) => sum + (counts[arm] ?? 0), 0);
  const shareTotal = arms.reduce((sum, arm) => sum + shares[arm], 0);
  if (arms.length < 2 || !total) return undefined;
  let chiSquare = 0;
  for (const arm of arms) {
    const expected = (total * shares[arm]) / shareTotal;
    chiSquare += ((counts[arm] ?? 0) - expected) ** 2 / expected;
  }
  const degreesOfFreedom = arms.length - 1;
  const pValue = 1 - jStat.chisquare.cdf(chiSquare, degreesOfFreedom);
  return { chiSquare, degreesOfFreedom, pValue, mismatch: pValue < SRM_THRESHOLD };
}
