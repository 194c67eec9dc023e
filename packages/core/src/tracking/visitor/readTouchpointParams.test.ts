import { describe, expect, it } from 'vitest';
import { readTouchpointParams } from './readTouchpointParams.js';

const read = (href: string) => readTouchpointParams(href);

describe('readTouchpointParams', () => {
  it('reads the widget marker and removes it, keeping every other parameter and the hash as written', () => {
    expect(read('https://shop.example/cart?cb_source=banner')).toEqual({ found: ['banner'], href: 'https://shop.example/cart' });
    expect(read('https://shop.example/cart?a=1&cb_source=exit_intent&b=x+y%3A#top')).toEqual({
      found: ['exit_intent'],
      href: 'https://shop.example/cart?a=1&b=x+y%3A#top',
    });
    expect(read('https://shop.example/cart?cb_source=banner&flag&q=%20')).toEqual({ found: ['banner'], href: 'https://shop.example/cart?flag&q=%20' });
    expect(read('https://shop.example/cart?cb_source=banner#top')).toEqual({ found: ['banner'], href: 'https://shop.example/cart#top' });
    expect(read('https://shop.example/cart?cb_source=banner&cb_recover=c:1&a=1')).toEqual({
      found: ['banner', 'link'],
      href: 'https://shop.example/cart?a=1',
    });
  });

  it('reads a recovery link (cb_recover=<abandonmentId>) as a link touchpoint', () => {
    expect(read('https://shop.example/?cb_recover=c-1%3A3')).toEqual({ found: ['link'], href: 'https://shop.example/' });
    expect(read('https://shop.example/p?utm_source=email&cb_recover=c-1:3&utm_medium=x#reviews')).toEqual({
      found: ['link'],
      href: 'https://shop.example/p?utm_source=email&utm_medium=x#reviews',
    });
  });

  it('removes an unknown marker value without counting it', () => {
    expect(read('https://shop.example/?cb_source=popup&a=1')).toEqual({ found: [], href: 'https://shop.example/?a=1' });
  });

  it('leaves a URL without cartback parameters alone, including look-alikes and the hash', () => {
    for (const href of [
      'https://shop.example/',
      'https://shop.example/?a=1#cb_source=banner',
      'https://shop.example/?xcb_source=banner&cb_sourced=1',
      'https://shop.example/#/route?cb_source=banner',
    ])
      expect(read(href)).toEqual({ found: [], href });
  });

  it('removes a forced experiment arm (cb_arm) without counting it as a touchpoint', () => {
    expect(read('https://shop.example/cart?a=1&cb_arm=exit-offer%3Aholdout&cb_source=banner#top')).toEqual({
      found: ['banner'],
      href: 'https://shop.example/cart?a=1#top',
    });
  });
});
