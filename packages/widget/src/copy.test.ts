import { describe, expect, it } from 'vitest';
import { copy, fill } from './copy.js';

describe('fill', () => {
  it('fills {name} placeholders', () => {
    expect(fill(copy.quantity, { count: 3 }).join('')).toBe('Qty 3');
    expect(fill(copy.offer, { percent: 10, code: 'SAVE10' }).join('')).toBe('10% off with code SAVE10');
    expect(fill(copy.expires, { time: '09:59' }).join('')).toBe('Expires in 09:59');
  });

  it('keeps a value as its own piece, so it can be an element', () => {
    const code = { element: 'code' };
    expect(fill(copy.offerCode, { code })).toEqual(['Use code ', code, '']);
  });

  it('leaves text without placeholders alone', () => {
    expect(fill('{a} and {a}', { a: 'x' }).join('')).toBe('x and x');
    expect(fill(copy.title, {})).toEqual([copy.title]);
  });
});
