// The entry of the lazy tracking chunk (`cartback-tracking.js`, `@cartback/core/tracking`):
// loaded once the cart is non-empty or an event happens, so browsing pages never pay for it.
export { createTracker, type Tracker } from './createTracker.js';
