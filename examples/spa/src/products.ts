import type { CartItem } from 'cartback';
import colombiaHuila from '../../storefront/images/colombia-huila.svg';
import espressoBlend from '../../storefront/images/espresso-blend.svg';
import ethiopiaGuji from '../../storefront/images/ethiopia-guji.svg';
import gooseneckKettle from '../../storefront/images/gooseneck-kettle.svg';
import paperFilters from '../../storefront/images/paper-filters.svg';
import pourOverDripper from '../../storefront/images/pour-over-dripper.svg';

export interface Product {
  id: string;
  name: string;
  price: number;
  category: 'Coffee' | 'Brewing';
  image: string;
  facts: string;
  notes: string;
}

/** The classic storefront's catalogue (examples/storefront/shop.js), in EUR. */
export const PRODUCTS: Product[] = [
  { id: 'ethiopia-guji', name: 'Ethiopia Guji', price: 14.5, category: 'Coffee', image: ethiopiaGuji,
    facts: '250 g · natural process · light roast', notes: 'Blueberry, jasmine, cacao nib' },
  { id: 'colombia-huila', name: 'Colombia Huila', price: 12.9, category: 'Coffee', image: colombiaHuila,
    facts: '250 g · washed · medium-light roast', notes: 'Red apple, panela, milk chocolate' },
  { id: 'fernhill-espresso', name: 'Fernhill Espresso Blend', price: 19.99, category: 'Coffee', image: espressoBlend,
    facts: '500 g · Brazil & Guatemala · medium roast', notes: 'Hazelnut, dark chocolate, orange peel' },
  { id: 'pour-over-dripper', name: 'Ceramic Pour-Over Dripper', price: 24, category: 'Brewing', image: pourOverDripper,
    facts: 'Porcelain · 1–4 cups · dishwasher safe', notes: 'Fits size 02 cone filters' },
  { id: 'gooseneck-kettle', name: 'Gooseneck Kettle 0.8 L', price: 49.9, category: 'Brewing', image: gooseneckKettle,
    facts: 'Stainless steel · stovetop & induction', notes: 'Walnut handle, built-in thermometer' },
  { id: 'paper-filters', name: 'Paper Filters ×100', price: 5.01, category: 'Brewing', image: paperFilters,
    facts: 'Size 02 · oxygen-bleached', notes: 'No papery taste after a rinse' },
];

export const findProduct = (id: string | undefined) => PRODUCTS.find((product) => product.id == id);

export const productPath = (product: Product) => `/product/${encodeURIComponent(product.id)}`;

/** One of `product` as a cart line: absolute URLs, so the modal and the events can use them anywhere. */
export function toCartItem(product: Product): CartItem {
  const { id, name, price, category } = product;
  return {
    id,
    name,
    price,
    quantity: 1,
    url: new URL(productPath(product), location.origin).href,
    image: new URL(product.image, location.origin).href,
    category,
  };
}
