import { describe, expect, it } from 'vitest';
import { parseWidgetRecord } from './parseWidgetRecord.js';

describe('parseWidgetRecord', () => {
  it('reads a stored v1 record', () => {
    const stored = {
      v: 1,
      shownSession: 's1',
      shownAt: 100,
      dismissedAt: 123,
      offer: { code: 'SAVE10', expiresAt: 456 },
      bannerShownAt: 200,
      bannerDismissedAt: 300,
      optedOutAt: 400,
    };
    expect(parseWidgetRecord(stored)).toEqual(stored);
  });

  it('starts fresh with nothing stored', () => {
    expect(parseWidgetRecord(undefined)).toEqual({ v: 1 });
  });

  it('starts fresh from anything that is not a v1 record', () => {
    for (const raw of [null, 'x', 42, [], { shownSession: 's1' }, { v: 2, shownSession: 's1' }, { v: '1', shownSession: 's1' }])
      expect(parseWidgetRecord(raw)).toEqual({ v: 1 });
  });

  it('drops only the fields of the wrong shape', () => {
    expect(parseWidgetRecord({ v: 1, shownSession: 7, dismissedAt: 123, offer: { code: 'X' }, extra: true })).toEqual({ v: 1, dismissedAt: 123 });
    expect(parseWidgetRecord({ v: 1, dismissedAt: NaN, offer: { code: 'X', expiresAt: 9 } })).toEqual({ v: 1, offer: { code: 'X', expiresAt: 9 } });
    expect(parseWidgetRecord({ v: 1, dismissedAt: '123' })).toEqual({ v: 1 });
    expect(parseWidgetRecord({ v: 1, bannerShownAt: '1', bannerDismissedAt: Infinity, optedOutAt: 'yes' })).toEqual({ v: 1 });
  });
});
