import { describe, expect, it } from 'vitest';
import { readForcedArms } from './readForcedArms.js';

describe('readForcedArms', () => {
  it('reads each cb_arm=<experiment>:<arm>, the colon plain or encoded, and an empty arm', () => {
    expect(readForcedArms('https://shop.example/p?a=1&cb_arm=exit-offer:holdout&cb_arm=copy%3Ab&cb_arm=old:#cb_arm=x:y')).toEqual([
      ['exit-offer', 'holdout'],
      ['copy', 'b'],
      ['old', ''],
    ]);
  });

  it('reads nothing from an address without a well-formed one', () => {
    expect(readForcedArms('https://shop.example/?cb_arm=holdout&xcb_arm=a:b')).toEqual([]);
  });
});
