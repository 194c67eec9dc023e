export { init } from './init.js';
export type { CartbackApi, CartbackConfig, CartItem, CartSnapshot, Order, Traits } from '@cartback/core';
