import type { ExperimentConfig } from '../config/config.js';

/** One arm of an experiment and its part of the buckets: [start, end). */
export interface ArmRange {
  arm: string;
  share: number;
  start: number;
  end: number;
}

/** The arm of the visitors an experiment keeps from seeing the widget. */
export const HOLDOUT = 'holdout';

/**
 * The arms of an experiment in order, the holdout first, each with its share of visitors:
 * the holdout's, then the rest split by the variants' weights (1 each by default). As in
 * GrowthBook, the ranges follow each other from 0 to 1.
 */
export function getArmRanges({ holdout = 0, variants }: ExperimentConfig): ArmRange[] {
  const total = variants.reduce((sum, variant) => sum + (variant.weight ?? 1), 0);
  const shares: [string, number][] = [
    ...(holdout > 0 ? [[HOLDOUT, holdout] as [string, number]] : []),
    ...variants.map(({ id, weight = 1 }): [string, number] => [id, total ? ((1 - holdout) * weight) / total : 0]),
  ];
  let start = 0;
  return shares.map(([arm, share]) => ({ arm, share, start, end: (start += share) }));
}
