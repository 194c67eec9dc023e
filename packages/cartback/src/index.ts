export { init } from './init.js';
export type { CartbackApi } from './CartbackApi.js';
export type {
  CartbackConfig,
  CartbackError,
  CartbackEvent,
  CartbackEventMap,
  CartItem,
  CartItemInput,
  CartItemPatch,
  CartSnapshot,
  EventOf,
  EventType,
  Order,
  Traits,
} from '@cartback/core';
