// @cartback/widget: the exit-intent detector (exit/, in `cartback-exit.js`, loaded with the
// first item in the cart) and the types of the lazy UI. The UI itself is `@cartback/widget/ui`:
// Preact, loaded only when needed.
export { createExitDetector, GRACE } from './exit/createExitDetector.js';
export type * from './types.js';
