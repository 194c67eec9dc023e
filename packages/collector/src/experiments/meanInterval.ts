import type { SampleSummary } from './describeSample';
import { z95 } from './z95';

/** The 95% normal interval of a mean (revenue per visitor): fine for the hundreds of visitors results wait for. */
export function meanInterval({ mean, varianceOfMean }: SampleSummary): [number, number] {
  const half = z95() * Math.sqrt(varianceOfMean);
  return [mean - half, mean + half];
}
