export { init } from './init';
export type { CartbackApi, CartbackConfig, CartItem, CartSnapshot, Order, Traits } from '@cartback/core';
