// @cartback/widget: the exit-intent detector (small, loaded with every page) and the types of
// the lazy UI. The UI itself is `@cartback/widget/ui`: Preact, loaded only when needed.
export { createExitDetector, GRACE, type ExitIntentOptions } from './createExitDetector.js';
export type * from './types.js';
