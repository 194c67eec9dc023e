import { checkSampleRatio } from './checkSampleRatio';
import { describeSample, type SampleSummary } from './describeSample';
import { describeVerdict } from './describeVerdict';
import { meanInterval } from './meanInterval';
import { proportionInterval } from './proportionInterval';
import { relativeUplift } from './relativeUplift';
import type { ArmResult, ExperimentResult, ExperimentRow, ResultOptions } from './types';

const DAY = 24 * 60 * 60 * 1000;

/** Results of every experiment found in the rows, by id. Pure: the rows come from readExperimentRows. */
export function summarizeExperiments(rows: ExperimentRow[], options: ResultOptions = {}): ExperimentResult[] {
  const { attributionWindowMs = 7 * DAY, minVisitors = 100 } = options;
  const sorted = [...rows].sort((a, b) => a.time.localeCompare(b.time));
  const orders = groupBy(sorted.filter((row) => row.type == 'order_completed'));
  const abandonments = groupBy(sorted.filter((row) => row.type == 'cart_abandoned'));
  const exposures = sorted.filter((row) => row.type == 'experiment_exposed' && row.experimentId && row.arm && !row.forced);
  const ids = [...new Set(exposures.map((row) => row.experimentId!))].sort();

  return ids.map((id) => {
    const own = exposures.filter((row) => row.experimentId == id);
    const shares = own[own.length - 1].shares ?? {};
    const first = new Map<string, ExperimentRow>();
    for (const row of own) if (!first.has(row.anonymousId)) first.set(row.anonymousId, row);
    const armNames = [...new Set([...Object.keys(shares), ...[...first.values()].map((row) => row.arm!)])];
    const baseline = armNames.includes('holdout') ? 'holdout' : armNames[0];

    const tallies = new Map(armNames.map((arm) => [arm, { visitors: 0, abandonments: 0, orders: 0, converted: 0, revenue: 0, revenueSquares: 0 }]));
    for (const [visitor, exposure] of first) {
      const tally = tallies.get(exposure.arm!)!;
      const from = exposure.time;
      const until = new Date(Date.parse(from) + attributionWindowMs).toISOString();
      const inWindow = (orders.get(visitor) ?? []).filter((order) => order.time >= from && order.time <= until);
      const revenue = inWindow.reduce((sum, order) => sum + (order.value ?? 0), 0);
      tally.visitors++;
      tally.abandonments += new Set((abandonments.get(visitor) ?? []).filter((a) => a.time >= from).map((a) => a.abandonmentId)).size;
      tally.orders += inWindow.length;
      tally.converted += inWindow.length ? 1 : 0;
      tally.revenue += revenue;
      tally.revenueSquares += revenue * revenue;
    }

    const samples = new Map<string, { conversion: SampleSummary; revenue: SampleSummary }>();
    for (const [arm, t] of tallies)
      samples.set(arm, { conversion: describeSample(t.visitors, t.converted, t.converted), revenue: describeSample(t.visitors, t.revenue, t.revenueSquares) });
    const base = samples.get(baseline)!;
    const arms: ArmResult[] = armNames.map((arm) => {
      const t = tallies.get(arm)!;
      const s = samples.get(arm)!;
      return {
        arm,
        share: shares[arm] ?? 0,
        visitors: t.visitors,
        abandonments: t.abandonments,
        orders: t.orders,
        converted: t.converted,
        conversionRate: s.conversion.mean,
        conversionInterval: proportionInterval(t.converted, t.visitors),
        revenue: round(t.revenue),
        revenuePerVisitor: s.revenue.mean,
        revenuePerVisitorInterval: meanInterval(s.revenue),
        ...(arm != baseline && { conversionUplift: relativeUplift(s.conversion, base.conversion), revenueUplift: relativeUplift(s.revenue, base.revenue) }),
      };
    });
    const sampleRatio = checkSampleRatio(Object.fromEntries(arms.map((a) => [a.arm, a.visitors])), shares);
    return {
      id,
      baseline,
      firstExposure: own[0].time,
      lastExposure: own[own.length - 1].time,
      visitors: first.size,
      arms,
      ...(sampleRatio && { sampleRatio }),
      verdict: describeVerdict(arms, baseline, sampleRatio, minVisitors),
    };
  });
}

function groupBy(rows: ExperimentRow[]): Map<string, ExperimentRow[]> {
  const groups = new Map<string, ExperimentRow[]>();
  for (const row of rows) {
    const group = groups.get(row.anonymousId);
    if (group) group.push(row);
    else groups.set(row.anonymousId, [row]);
  }
  return groups;
}

const round = (n: number) => Math.round(n * 100) / 100;
