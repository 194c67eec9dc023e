export { init } from './init.js';
export type { CartbackApi } from './CartbackApi.js';
export type { CartbackConfig, CartItem, CartSnapshot, Order, Traits } from '@cartback/core';
