import type { SampleRatio } from './checkSampleRatio';
import type { ArmResult } from './types';

const percent = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/**
 * What the results say, in plain words: the split's warning first (nothing else can be
 * trusted then), then each arm against the baseline by revenue per exposed visitor, or "not
 * enough data yet" while an arm has fewer than `minVisitors` visitors or the baseline no order.
 */
export function describeVerdict(arms: ArmResult[], baseline: string, sampleRatio: SampleRatio | undefined, minVisitors: number): string[] {
  const lines: string[] = [];
  if (sampleRatio?.mismatch)
    lines.push(
      `Warning: visitors are not split as the weights say (sample ratio mismatch, p = ${sampleRatio.pValue.toExponential(1)}). Find the cause (a cache, a bot filter, an arm that fails to load) before trusting these results.`,
    );
  const base = arms.find((arm) => arm.arm == baseline);
  if (!base || arms.some((arm) => arm.visitors < minVisitors) || !base.converted) {
    lines.push(`Not enough data yet: every arm needs ${minVisitors} exposed visitors and the ${baseline} at least one order.`);
    return lines;
  }
  for (const arm of arms) {
    const uplift = arm.revenueUplift;
    if (arm.arm == baseline || !uplift) continue;
    const interval = `95% CI ${percent(uplift.low)} to ${percent(uplift.high)}`;
    if (uplift.low > 0) lines.push(`${arm.arm} earns ${percent(uplift.estimate)} per visitor compared with ${baseline} (${interval}).`);
    else if (uplift.high < 0) lines.push(`${arm.arm} earns ${percent(uplift.estimate)} per visitor compared with ${baseline}: it costs money (${interval}).`);
    else lines.push(`No clear difference yet between ${arm.arm} and ${baseline}: ${percent(uplift.estimate)} per visitor (${interval}).`);
  }
  return lines;
}
