import { describeValue } from '@cartback/core';
import { DEFAULT_COOLDOWN, type SuppressionFacts, type SuppressionReason } from '../modal/getExitIntentSuppression.js';
import { isPathMatch } from '../modal/isPathMatch.js';

/** Words a suppression for the store's developer (logged with `debug: true`): the rule and the value. */
export function explainSuppression(reason: SuppressionReason, facts: SuppressionFacts): string {
  const { options, path } = facts;
  const exitIntent = 'config.exitIntent.';
  const where = describeValue(path);
  return {
    invalid_config: 'config.exitIntent or config.offer is invalid (see the error logged at start)',
    disabled: exitIntent + 'enabled is false',
    opted_out: `the shopper chose "Don't show this again" ${facts.now - facts.record.optedOutAt!} ms ago (it lasts a year)`,
    empty_cart: 'the cart is empty',
    below_min_value: `the cart value ${facts.cart.value} is below ${exitIntent}minCartValue ${options.minCartValue}`,
    purchased: 'the shopper ordered in this session',
    already_shown: 'it was shown in this session already',
    cooldown: `it was dismissed ${facts.now - facts.record.dismissedAt!} ms ago, within ${exitIntent}cooldown ${options.cooldown ?? DEFAULT_COOLDOWN} ms`,
    url_excluded: `${where} matches ${exitIntent}exclude pattern ${describeValue(options.exclude?.find((p) => isPathMatch(p, path)))}`,
    url_not_included: `${where} matches no pattern in ${exitIntent}include ${describeValue(options.include)}`,
    device: `${exitIntent}devices is ${describeValue(options.devices)} and this ${facts.touch ? 'is' : 'is not'} a touch device`,
  }[reason];
}
