import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_WINDOW, getAttribution } from './getAttribution.js';

const NOW = 1_700_000_000_000;

describe('getAttribution', () => {
  it('lists each touchpoint seen within the window, once, in a fixed order', () => {
    expect(getAttribution({ link: NOW - 1000, exit_intent: NOW - 5000, banner: NOW - 10 }, NOW)).toEqual(['exit_intent', 'banner', 'link']);
    expect(getAttribution({ banner: NOW }, NOW)).toEqual(['banner']);
  });

  it('is 7 days long, inclusive', () => {
    expect(ATTRIBUTION_WINDOW).toBe(7 * 86_400_000);
    expect(getAttribution({ link: NOW - ATTRIBUTION_WINDOW }, NOW)).toEqual(['link']);
    expect(getAttribution({ link: NOW - ATTRIBUTION_WINDOW - 1, banner: NOW - 1 }, NOW)).toEqual(['banner']);
  });

  it('is empty without touchpoints, and skips anything malformed from storage', () => {
    expect(getAttribution(undefined, NOW)).toEqual([]);
    expect(getAttribution({}, NOW)).toEqual([]);
    expect(getAttribution('banner', NOW)).toEqual([]);
    expect(getAttribution(['banner'], NOW)).toEqual([]);
    expect(getAttribution({ banner: '1', link: NaN, exit_intent: null, email: NOW }, NOW)).toEqual([]);
  });
});
