import type { SampleSummary } from './describeSample';
import { z95 } from './z95';

export interface Uplift {
  /** Relative change of the treatment's mean over the baseline's: 0.2 is +20%. */
  estimate: number;
  low: number;
  high: number;
}

/**
 * The relative uplift of a treatment over a baseline with its 95% interval, by the delta
 * method, as GrowthBook's frequentist engine computes it:
 * Var(μ₁/μ₀) ≈ Var(μ₁)/μ₀² + μ₁²·Var(μ₀)/μ₀⁴. Undefined while the baseline's mean is 0.
 */
export function relativeUplift(treatment: SampleSummary, baseline: SampleSummary): Uplift | undefined {
  const m0 = baseline.mean;
  const m1 = treatment.mean;
  if (!(m0 > 0) || !treatment.n) return undefined;
  const variance = treatment.varianceOfMean / (m0 * m0) + (m1 * m1 * baseline.varianceOfMean) / m0 ** 4;
  const estimate = m1 / m0 - 1;
  const half = z95() * Math.sqrt(variance);
  return { estimate, low: estimate - half, high: estimate + half };
}
