import type { ExperimentConfig, ResolvedConfig } from '../config/config.js';

/**
 * The store's config as the visitor's arms change it: a variant's offer and theme replace the
 * store's, its copy, exit-intent and banner options are laid over them. Experiments apply in
 * their order, so a later one wins where two change the same option.
 */
export function applyArms(config: ResolvedConfig, experiments: ExperimentConfig[], arms: Record<string, string>): ResolvedConfig {
  let applied = config;
  for (const experiment of experiments) {
    const variant = experiment.variants.find((v) => v.id == arms[experiment.id]);
    if (!variant) continue;
    const { offer, copy, theme, exitIntent, banner } = variant;
    applied = {
      ...applied,
      ...(offer && { offer }),
      ...(theme !== undefined && { theme }),
      ...(copy && { copy: mergeCopy(applied.copy, copy) }),
      ...(exitIntent && { exitIntent: { ...applied.exitIntent, ...exitIntent } }),
      ...(banner && { banner: { ...applied.banner, ...banner } }),
    };
  }
  return applied;
}

function mergeCopy(base: ResolvedConfig['copy'] = {}, over: NonNullable<ResolvedConfig['copy']>): ResolvedConfig['copy'] {
  const merged = { ...base };
  for (const [locale, strings] of Object.entries(over)) merged[locale] = { ...base[locale], ...strings };
  return merged;
}
