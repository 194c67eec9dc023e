import { describe, expect, it } from 'vitest';
import { HANDOFF_KEY } from '../storage/webStorage.js';
import { handOver, takeHandOver } from './handOver.js';

/** A window with just a localStorage, as handOver uses it. */
function fakeWindow() {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  return { win: { localStorage } as unknown as Window, items };
}

describe('the hand-over of recovery touchpoints', () => {
  it('adds each page’s touchpoints to what is waiting, the last page’s time of a name winning, and gives them to the next page once', () => {
    const { win, items } = fakeWindow();
    handOver(win, { events: [], touchpoints: { link: 1_000 } });
    handOver(win, { events: [], touchpoints: { banner: 2_000, link: 3_000 } });
    handOver(win, { events: [] }); // a page without touchpoints leaves them as they are

    expect(takeHandOver(win).touchpoints).toEqual({ link: 3_000, banner: 2_000 });
    expect(items.has(HANDOFF_KEY)).toBe(false);
    expect(takeHandOver(win).touchpoints).toBeUndefined();
  });

  it('drops what is not a time, from another script or version', () => {
    const { win, items } = fakeWindow();
    items.set(HANDOFF_KEY, JSON.stringify({ events: [], touchpoints: { link: 'soon', banner: 5_000, exit_intent: null } }));
    expect(takeHandOver(win).touchpoints).toEqual({ banner: 5_000 });
    items.set(HANDOFF_KEY, JSON.stringify({ events: [], touchpoints: ['link'] }));
    expect(takeHandOver(win).touchpoints).toBeUndefined();
  });
});
