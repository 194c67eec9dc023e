import { describe, expect, it } from 'vitest';
import { en, fill } from './copy.js';

describe('fill', () => {
  it('fills {name} placeholders', () => {
    expect(fill(en.quantity, { count: 3 }).join('')).toBe('Qty 3');
    expect(fill(en.offer, { percent: 10, code: 'SAVE10' }).join('')).toBe('10% off with code SAVE10');
    expect(fill(en.expires, { time: '09:59' }).join('')).toBe('Expires in 09:59');
    expect(fill(en.bannerBody, { items: '1 item', total: '€12.50' }).join('')).toBe('1 item · €12.50');
  });

  it('keeps a value as its own piece, so it can be an element', () => {
    const code = { element: 'code' };
    expect(fill(en.offerCode, { code })).toEqual(['Use code ', code, '']);
  });

  it('leaves text without placeholders alone', () => {
    expect(fill('{a} and {a}', { a: 'x' }).join('')).toBe('x and x');
    expect(fill(en.title, {})).toEqual([en.title]);
  });

  it('shows a placeholder it has no value for, so a typo in a store’s copy gets noticed', () => {
    expect(fill('Use {cod}', { code: 'X' }).join('')).toBe('Use {cod}');
  });
});
