/** The mean of a sample and the variance of that mean (the sample variance over n). */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Variance of the mean: s² / n. */
  varianceOfMean: number;
}

/** Summarises per-visitor values (revenue, or 0/1 for a conversion) from their sum and sum of squares. */
export function describeSample(n: number, sum: number, sumOfSquares: number): SampleSummary {
  if (n < 2) return { n, mean: n ? sum / n : 0, varianceOfMean: 0 };
  const mean = sum / n;
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  return { n, mean, varianceOfMean: variance / n };
}
