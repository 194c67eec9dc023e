import { describeValue } from '@cartback/core';
import { DEFAULT_COOLDOWN, type SuppressionFacts, type SuppressionReason } from '../modal/getExitIntentSuppression.js';
import { isPathMatch } from '../modal/isPathMatch.js';

/** Words a suppression for the store's developer (logged with `debug: true`): the rule and the value. */
export function explainSuppression(reason: SuppressionReason, facts: SuppressionFacts): string {
  const { options: o, path } = facts;
  const option = 'config.exitIntent.';
  const where = describeValue(path);
  return {
    invalid_config: 'config.exitIntent or config.offer is invalid (see the error logged at start)',
    disabled: option + 'enabled is false',
    empty_cart: 'the cart is empty',
    below_min_value: `the cart value ${facts.cart.value} is below ${option}minCartValue ${o.minCartValue}`,
    purchased: 'the shopper ordered in this session',
    already_shown: 'it was shown in this session already',
    cooldown: `it was dismissed ${facts.now - facts.record.dismissedAt!} ms ago, within ${option}cooldown ${o.cooldown ?? DEFAULT_COOLDOWN} ms`,
    url_excluded: `${where} matches ${option}exclude pattern ${describeValue(o.exclude?.find((p) => isPathMatch(p, path)))}`,
    url_not_included: `${where} matches no pattern in ${option}include ${describeValue(o.include)}`,
    device: `${option}devices is ${describeValue(o.devices)} and this ${facts.touch ? 'is' : 'is not'} a touch device`,
  }[reason];
}
