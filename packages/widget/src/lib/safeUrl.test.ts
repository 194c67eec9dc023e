import { describe, expect, it } from 'vitest';
import { safeUrl } from './safeUrl.js';

const BASE = 'https://shop.example/products/mug?ref=1';

describe('safeUrl', () => {
  it('keeps absolute http(s) URLs', () => {
    expect(safeUrl('https://cdn.example/mug.jpg', BASE)).toBe('https://cdn.example/mug.jpg');
    expect(safeUrl('http://cdn.example/mug.jpg', BASE)).toBe('http://cdn.example/mug.jpg');
  });

  it('resolves relative URLs against the page', () => {
    expect(safeUrl('/checkout', BASE)).toBe('https://shop.example/checkout');
    expect(safeUrl('img/mug.jpg', BASE)).toBe('https://shop.example/products/img/mug.jpg');
    expect(safeUrl('//cdn.example/mug.jpg', BASE)).toBe('https://cdn.example/mug.jpg');
    expect(safeUrl('?step=2', BASE)).toBe('https://shop.example/products/mug?step=2');
  });

  it('drops URLs that could run script or embed content', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:msgbox(1)',
      'blob:https://shop.example/1234',
      'file:///etc/passwd',
    ])
      expect(safeUrl(url, BASE), url).toBeUndefined();
  });

  it('drops garbage and non-strings', () => {
    for (const url of ['', '   ', 'http://', 'https://exa mple.com', 42, null, undefined, {}, ['https://a.example']])
      expect(safeUrl(url, BASE), String(url)).toBeUndefined();
  });

  it('does not let a relative URL inherit an unsafe base', () => {
    expect(safeUrl('/checkout', 'file:///home/me/shop.html')).toBeUndefined();
  });
});
