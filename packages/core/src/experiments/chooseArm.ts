import type { ExperimentConfig } from '../config/config.js';
import { getArmRanges } from './getArmRanges.js';
import { getBucket } from './getBucket.js';

/** An arm kept for a visitor (in cartback's storage): with the seed it was drawn under. */
export interface SavedArm {
  seed: string;
  arm: string;
}

export interface ArmChoice {
  arm: string;
  /** For `debug`: how the arm was chosen. */
  why: string;
  forced?: true;
}

/**
 * The visitor's arm: the one forced in this browser (`cb_arm`), else the one kept from an
 * earlier page under the same seed (so that new weights do not move visitors already in the
 * test, as GrowthBook's sticky bucketing does), else the arm whose range holds the visitor's
 * bucket. Arms whose share is 0 are never kept or drawn.
 */
export function chooseArm(experiment: ExperimentConfig, anonymousId: string, saved?: SavedArm, forced?: string): ArmChoice {
  const seed = experiment.seed ?? experiment.id;
  const ranges = getArmRanges(experiment);
  const open = (arm?: string) => ranges.some((range) => range.arm == arm && range.share > 0);
  if (forced !== undefined && ranges.some((range) => range.arm == forced)) return { arm: forced, why: 'forced by the cb_arm parameter', forced: true };
  if (saved?.seed == seed && open(saved.arm)) return { arm: saved.arm, why: 'kept from an earlier page' };
  const bucket = getBucket(seed, anonymousId);
  const range = ranges.find((r) => bucket >= r.start && bucket < r.end) ?? ranges.filter((r) => r.share > 0).pop()!;
  return { arm: range.arm, why: `bucket ${bucket} of seed "${seed}" is in [${round(range.start)}, ${round(range.end)})` };
}

const round = (n: number) => Math.round(n * 10000) / 10000;
