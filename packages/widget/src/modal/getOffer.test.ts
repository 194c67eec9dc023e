import { describe, expect, it } from 'vitest';
import { getOffer } from './getOffer.js';

const NOW = 1_700_000_000_000;
const DAY = 86_400_000;

describe('getOffer', () => {
  it('shows no offer when none is configured, and keeps what was saved', () => {
    const saved = { code: 'OLD', expiresAt: NOW + 1000 };
    expect(getOffer(undefined, saved, NOW)).toEqual({ saved });
  });

  it('shows an offer without validFor with no expiry, and saves nothing for it', () => {
    expect(getOffer({ code: 'SAVE10', percentOff: 10 }, undefined, NOW)).toEqual({ shown: { code: 'SAVE10', percentOff: 10 } });
  });

  it('starts the countdown at the first show and saves the deadline', () => {
    const { shown, saved } = getOffer({ code: 'SAVE10', validFor: 600_000 }, undefined, NOW);
    expect(shown).toMatchObject({ code: 'SAVE10', expiresAt: NOW + 600_000 });
    expect(saved).toEqual({ code: 'SAVE10', expiresAt: NOW + 600_000 });
  });

  it('does not restart the countdown on a later show or page', () => {
    const first = getOffer({ code: 'SAVE10', validFor: 600_000 }, undefined, NOW);
    const later = getOffer({ code: 'SAVE10', validFor: 600_000 }, first.saved, NOW + 400_000);
    expect(later.shown?.expiresAt).toBe(NOW + 600_000);
    expect(later.saved).toEqual(first.saved);
  });

  it('hides an expired offer for good', () => {
    const saved = { code: 'SAVE10', expiresAt: NOW };
    expect(getOffer({ code: 'SAVE10', validFor: 600_000 }, saved, NOW)).toEqual({ saved });
    expect(getOffer({ code: 'SAVE10', validFor: 600_000 }, saved, NOW + DAY)).toEqual({ saved });
  });

  it('gives a new code its own countdown', () => {
    const saved = { code: 'OLD', expiresAt: NOW - 1 };
    const { shown } = getOffer({ code: 'NEW', validFor: 60_000 }, saved, NOW);
    expect(shown?.expiresAt).toBe(NOW + 60_000);
  });
});
