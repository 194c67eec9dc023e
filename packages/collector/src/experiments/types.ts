// The shapes of experiment results (no code): the rows they are made of, and what the API answers.
import type { SampleRatio } from './checkSampleRatio';
import type { Uplift } from './relativeUplift';

/** One stored event, as the results need it (readExperimentRows). Times are UTC ISO strings. */
export interface ExperimentRow {
  type: 'experiment_exposed' | 'order_completed' | 'cart_abandoned';
  anonymousId: string;
  time: string;
  experimentId?: string;
  arm?: string;
  shares?: Record<string, number>;
  forced?: boolean;
  /** An order's value. */
  value?: number;
  abandonmentId?: string;
}

export interface ResultOptions {
  /** An order counts for the arm if it comes this long after the visitor's first exposure. Default 7 days. */
  attributionWindowMs?: number;
  /** Fewer exposed visitors than this in an arm: "not enough data yet". Default 100. */
  minVisitors?: number;
}

export interface ArmResult {
  arm: string;
  /** The configured share of visitors (from the latest exposure). */
  share: number;
  /** Visitors whose first exposure was in this arm (forced arms left out). */
  visitors: number;
  /** Carts these visitors abandoned after their first exposure. */
  abandonments: number;
  /** Orders within the attribution window after the first exposure, and the visitors who placed one. */
  orders: number;
  converted: number;
  conversionRate: number;
  conversionInterval: [number, number];
  revenue: number;
  revenuePerVisitor: number;
  revenuePerVisitorInterval: [number, number];
  /** Relative to the baseline arm (not on the baseline itself). */
  conversionUplift?: Uplift;
  revenueUplift?: Uplift;
}

export interface ExperimentResult {
  id: string;
  /** What the other arms are compared with: the holdout, or else the first variant. */
  baseline: string;
  firstExposure: string;
  lastExposure: string;
  visitors: number;
  arms: ArmResult[];
  sampleRatio?: SampleRatio;
  /** Plain words for the store's owner, one line per compared arm (and the split's warning first). */
  verdict: string[];
}
