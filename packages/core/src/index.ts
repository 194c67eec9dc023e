export { browserPlatform } from './engine/browserPlatform.js';
export { CartbackError, describeValue, type ItemProblem } from './engine/CartbackError.js';
export { loadWording } from './engine/loadWording.js';
export {
  DEFAULTS,
  type CartbackConfig,
  type ExperimentConfig,
  type ExperimentVariant,
  type PlatformName,
  type ResolvedConfig,
} from './config/config.js';
export { createCartback } from './engine/createCartback.js';
export { createEngine } from './engine/createEngine.js';
export type { CartbackApi, CartbackEventMap, CartItemPatch, Order, Traits } from './engine/CartbackApi.js';
export type { Cartback, EngineOptions, LoadAdapters, StartIdleWork } from './engine/engine.js';
export { isRecord } from './engine/isRecord.js';
export type { ExperimentArm, Experiments } from './experiments/createExperiments.js';
export { getCartSnapshot } from './cart/createCart.js';
export { fromMinor, getCurrencyDigits, toMinor } from './cart/money.js';
export { memoryStorage } from './storage/memoryStorage.js';
export { uuid } from './engine/uuid.js';
export { checkConfig, isCurrencyCode, type ConfigProblem } from './config/checkConfig.js';
export { reportConfigProblems } from './config/reportConfigProblems.js';
export { isItemId, validateItem } from './cart/validateItem.js';
export type * from './types.js';
export type * from './events.js';
