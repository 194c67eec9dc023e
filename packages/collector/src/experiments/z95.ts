// jstat is CommonJS: Node's ESM loader gives it as one default export (bundlers also allow names).
import jstat from 'jstat';

const { jStat } = jstat;

/** The normal quantile of a two-sided 95% interval (1.95996...), from jstat. */
export const z95 = (): number => jStat.normal.inv(0.975, 0, 1);
