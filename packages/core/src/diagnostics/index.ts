// The entry of the lazy diagnostics chunk (`cartback-diagnostics.js`): the wording of
// mistakes in the config and in cart calls, loaded only on a page that has one.
export { explainConfig } from './explainConfig.js';
export { wordError } from './wordError.js';
export { docsLink } from './docsLink.js';
