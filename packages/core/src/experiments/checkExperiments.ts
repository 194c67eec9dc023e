import { describeValue } from '../engine/CartbackError.js';
import { isRecord } from '../engine/isRecord.js';
import { HOLDOUT } from './getArmRanges.js';

const ID = /^[\w.-]{1,64}$/;
/** What a variant may change: the rest of the widget's options stay the store's. */
const VARIANT_KEYS = ['id', 'weight', 'widget', 'offer', 'copy', 'theme', 'exitIntent', 'banner'];
const EXPERIMENT_KEYS = ['id', 'seed', 'holdout', 'variants'];

/**
 * The mistakes in `config.experiments`, worded: `[cartback] <option> must be <rule> (got <value>).`
 * Checked here, in the experiments file, so that stores without experiments do not pay for it.
 * The values of a variant's widget options are checked by the widget with the rest of its options.
 */
export function checkExperiments(experiments: unknown[]): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, option: string, rule: string, value: unknown): boolean => {
    if (!ok) problems.push(`config.experiments${option} must be ${rule} (got ${describeValue(value)})`);
    return ok;
  };
  const ids = new Set<unknown>();
  experiments.forEach((experiment, i) => {
    const at = `[${i}]`;
    if (!expect(isRecord(experiment), at, 'an object like { id: "exit-offer", variants: [...] }', experiment)) return;
    const { id, seed, holdout, variants } = experiment as Record<string, unknown>;
    unknownKeys(experiment as object, EXPERIMENT_KEYS, at, expect);
    expect(typeof id == 'string' && ID.test(id) && !ids.has(id), at + '.id', 'a unique name of letters, digits, _ . - (up to 64)', id);
    ids.add(id);
    expect(seed === undefined || (typeof seed == 'string' && seed.length > 0), at + '.seed', 'a non-empty string', seed);
    expect(holdout === undefined || (typeof holdout == 'number' && holdout >= 0 && holdout < 1), at + '.holdout', 'a share from 0 to below 1, e.g. 0.1', holdout);
    if (!expect(Array.isArray(variants) && variants.length > 0, at + '.variants', 'a non-empty array of { id, weight }', variants)) return;
    const arms = new Set<unknown>([HOLDOUT]);
    (variants as unknown[]).forEach((variant, j) => {
      const vat = `${at}.variants[${j}]`;
      if (!expect(isRecord(variant), vat, 'an object like { id: "b", weight: 1 }', variant)) return;
      const { id: arm, weight, widget } = variant as Record<string, unknown>;
      unknownKeys(variant as object, VARIANT_KEYS, vat, expect);
      expect(typeof arm == 'string' && ID.test(arm) && !arms.has(arm), vat + '.id', 'a unique name other than "holdout"', arm);
      arms.add(arm);
      expect(weight === undefined || (typeof weight == 'number' && weight >= 0 && Number.isFinite(weight)), vat + '.weight', 'a number >= 0', weight);
      expect(widget === undefined || widget === false, vat + '.widget', 'false (no widget) or left out', widget);
      for (const key of ['offer', 'copy', 'theme', 'exitIntent', 'banner'])
        if (key in (variant as object) && key != 'theme') expect(isRecord((variant as Record<string, unknown>)[key]), `${vat}.${key}`, 'an object', (variant as Record<string, unknown>)[key]);
    });
  });
  return problems;
}

function unknownKeys(value: object, known: string[], at: string, expect: (ok: boolean, option: string, rule: string, value: unknown) => unknown) {
  for (const key of Object.keys(value)) expect(known.includes(key), `${at}.${key}`, `one of ${known.join(', ')}`, key);
}
