import type { ExperimentResult } from './types';

const COLUMNS = [
  'experiment', 'arm', 'baseline', 'share', 'visitors', 'abandonments', 'orders', 'converted',
  'conversion_rate', 'conversion_low', 'conversion_high', 'revenue', 'revenue_per_visitor',
  'revenue_per_visitor_low', 'revenue_per_visitor_high', 'revenue_uplift', 'revenue_uplift_low',
  'revenue_uplift_high', 'conversion_uplift', 'conversion_uplift_low', 'conversion_uplift_high', 'srm_p_value',
];

/** One row per arm, for a spreadsheet; empty cells where a figure does not apply (the baseline's uplift). */
export function toResultsCsv(result: ExperimentResult): string {
  const rows = result.arms.map((arm) => [
    result.id, arm.arm, arm.arm == result.baseline, arm.share, arm.visitors, arm.abandonments, arm.orders, arm.converted,
    arm.conversionRate, ...arm.conversionInterval, arm.revenue, arm.revenuePerVisitor, ...arm.revenuePerVisitorInterval,
    arm.revenueUplift?.estimate, arm.revenueUplift?.low, arm.revenueUplift?.high,
    arm.conversionUplift?.estimate, arm.conversionUplift?.low, arm.conversionUplift?.high, result.sampleRatio?.pValue,
  ]);
  return [COLUMNS, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; numbers rounded to 6 places. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value == 'number' ? String(Math.round(value * 1e6) / 1e6) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
