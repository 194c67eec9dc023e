// The entry of the lazy `cartback-experiments.js`, loaded by the tracking file only for a
// store that configures `experiments`: no other store pays for assignment.
import type { ResolvedConfig } from '../config/config.js';
import { CartbackError } from '../engine/CartbackError.js';
import { isRecord } from '../engine/isRecord.js';
import type { TrackerHost } from '../tracking/trackerHost.js';
import { applyArms } from './applyArms.js';
import { checkExperiments } from './checkExperiments.js';
import { chooseArm, type SavedArm } from './chooseArm.js';
import { getArmRanges, HOLDOUT } from './getArmRanges.js';
import { readForcedArms } from './readForcedArms.js';
import type { EventType } from '../events.js';

/** The visitor's arms in cartback's storage: drawn ones (sticky), and ones forced by `cb_arm`. */
const EXPERIMENTS_KEY = 'experiments';

interface ExperimentsRecord {
  v: 1;
  arms: Record<string, SavedArm>;
  forced: Record<string, string>;
}

/** The visitor's arm in one experiment, as its exposure event carries it. */
export interface ExperimentArm {
  experimentId: string;
  arm: string;
  /** Every arm's configured share of visitors: what a backend checks the split against. */
  shares: Record<string, number>;
  /** Forced in this browser (QA): backends leave it out of results. */
  forced?: true;
}

export interface Experiments {
  /** Experiment id to arm: `context.experiments` of every event (none where the experiments have a mistake). */
  arms?: Record<string, string>;
  assignments: ExperimentArm[];
  /** The store's config with the arms' changes (offer, copy, theme, trigger, banner). */
  config: ResolvedConfig;
  /** The widget stays hidden for this visitor: in a holdout, or in a variant without it. */
  off?: 'holdout' | 'experiment';
  /**
   * The modal or the banner would show now (its rules and caps allow it): an exposure for
   * each experiment, whatever the arm. Where the widget stays hidden, also `widget_suppressed`
   * with the reason, which is returned.
   */
  expose(widget: 'exit_intent' | 'banner'): 'holdout' | 'experiment' | undefined;
}

/**
 * Assigns the visitor to an arm of each experiment (chooseArm) and keeps the arms drawn, so
 * that a later change of weights does not move the visitor. `landed` is the address this page
 * was opened with (its `cb_arm` parameters force arms, see readForcedArms); `track` makes the
 * exposures. A mistake in the experiments is a console error, and none of them runs.
 */
export async function createExperiments(
  core: Pick<TrackerHost, 'config' | 'getStorage' | 'platform' | 'reject'>,
  anonymousId: string,
  landed: string,
  track: (type: EventType, props: Record<string, unknown>) => void,
): Promise<Experiments> {
  const { config, platform } = core;
  const experiments = config.experiments ?? [];
  const say = (line: string) => config.debug && platform.console.info('[cartback] ' + line);
  const problems = checkExperiments(experiments);
  if (problems.length) {
    for (const problem of problems)
      core.reject(new CartbackError('invalid_config', `${problem}. No experiment runs until it is fixed; the widget shows as without them`));
    return { assignments: [], config, expose: () => undefined };
  }

  const storage = core.getStorage();
  const raw = await storage.get(EXPERIMENTS_KEY).catch(() => undefined);
  const saved: ExperimentsRecord =
    isRecord(raw) && raw.v === 1 && isRecord(raw.arms) && isRecord(raw.forced)
      ? (raw as unknown as ExperimentsRecord)
      : { v: 1, arms: {}, forced: {} };
  const record: ExperimentsRecord = { v: 1, arms: { ...saved.arms }, forced: { ...saved.forced } };
  for (const [id, arm] of readForcedArms(landed)) {
    if (arm) record.forced[id] = arm;
    else delete record.forced[id];
  }

  const arms: Record<string, string> = {};
  const result: Experiments = {
    arms,
    assignments: [],
    config,
    expose(widget) {
      for (const { experimentId, arm, shares, forced } of result.assignments)
        track('experiment_exposed', { experimentId, arm, widget, shares, ...(forced && { forced }) });
      const reason = result.off;
      if (reason) {
        say(`${widget == 'banner' ? 'banner' : 'exit intent'} not shown: ${reason == 'holdout' ? 'the visitor is in a holdout' : "the visitor's arm has no widget"}`);
        track('widget_suppressed', { widget, reason });
      }
      return reason;
    },
  };
  for (const experiment of experiments) {
    const { id } = experiment;
    const ranges = getArmRanges(experiment);
    const choice = chooseArm(experiment, anonymousId, saved.arms[id], record.forced[id]);
    if (record.forced[id] !== undefined && !choice.forced) {
      say(`experiment "${id}": cb_arm names no arm "${record.forced[id]}" (arms: ${ranges.map((r) => r.arm).join(', ')})`);
      delete record.forced[id];
    }
    if (!choice.forced) record.arms[id] = { seed: experiment.seed ?? id, arm: choice.arm };
    arms[id] = choice.arm;
    result.assignments.push({
      experimentId: id,
      arm: choice.arm,
      shares: Object.fromEntries(ranges.map((range) => [range.arm, Math.round(range.share * 10000) / 10000])),
      ...(choice.forced && { forced: true }),
    });
    const off = choice.arm == HOLDOUT ? 'holdout' : experiment.variants.find((v) => v.id == choice.arm)?.widget === false && 'experiment';
    if (off && result.off != 'holdout') result.off = off;
    say(`experiment "${id}": arm "${choice.arm}" (${choice.why})${off ? '; the widget stays hidden' : ''}`);
  }
  result.config = applyArms(config, experiments, arms);
  if (JSON.stringify(record) != JSON.stringify(saved)) await storage.set(EXPERIMENTS_KEY, record).catch(() => {});
  return result;
}
