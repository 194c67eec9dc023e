export { startPlatformAdapter } from './startPlatformAdapter.js';
export type { AdapterHost, StartAdapter } from './adapterHost.js';
