// package.json's `start` script runs `node examples/serve.js`; the demo is written in
// TypeScript, so register tsx's loader and hand over to examples/serve.ts.
import { register } from 'tsx/esm/api';

register();
await import('./serve.ts');
