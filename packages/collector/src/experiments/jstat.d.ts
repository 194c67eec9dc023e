// jstat ships no types: this declares the two functions the experiment statistics use.
declare module 'jstat' {
  export const jStat: {
    normal: { inv(p: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, dof: number): number };
  };
}
