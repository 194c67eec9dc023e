import { expect, it } from 'vitest';
import { checkEventLimits } from './checkEventLimits';

const limits = { maxStringLength: 10, maxDepth: 4 };

it('passes an event within the limits', () => {
  expect(checkEventLimits({ a: 'short', b: [1, { c: 'ok' }] }, '/events/0', limits)).toEqual([]);
});

it('names every over-long string and property name by its JSON Pointer', () => {
  const event = { page: { title: 'x'.repeat(11) }, 'a/b~': 'y'.repeat(20), ['k'.repeat(11)]: 1 };
  expect(checkEventLimits(event, '/events/2', limits).sort()).toEqual([
    '/events/2 has a property name longer than 10 characters (11)',
    '/events/2/a~1b~0 is longer than 10 characters (20)',
    '/events/2/page/title is longer than 10 characters (11)',
  ]);
});

it('stops at the depth limit instead of walking (or overflowing the stack on) hostile nesting', () => {
  let deep: unknown = 'leaf';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(checkEventLimits({ extra: deep }, '/events/0', limits)).toEqual([
    '/events/0/extra/0/0/0 is nested deeper than 4 levels',
  ]);
});
