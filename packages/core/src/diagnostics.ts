// The entry of the lazy diagnostics chunk (`cartback-diagnostics.js`): the wording of config
// errors, loaded only on a page whose config has something to say.
export { explainConfig } from './explainConfig.js';
