// Copied into a shop's project and run by Node, which has no DOM, as server-side rendering
// does: imports the SDK and calls init() with the browser globals trapped, then prints what
// happened as one line of JSON. A trapped global reads as undefined, as on a server, and
// the read is recorded with the line that made it.
import { writeSync } from 'node:fs';

const TRAPPED = ['window', 'document', 'indexedDB', 'localStorage', 'sessionStorage', 'BroadcastChannel'];
const touched = [];
for (const name of TRAPPED) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get: () => void touched.push(`${name} ${new Error().stack.split('\n')[2]?.trim()}`),
  });
}

const result = {};
let destroyedAt = performance.now();
// How long the process stays alive after destroy(): what an inert API still has pending.
process.on('exit', () => {
  result.lingeredMs = Math.round(performance.now() - destroyedAt);
  writeSync(1, JSON.stringify(result) + '\n');
});

result.coreExports = Object.keys(await import('@cartback/core')).sort();
result.widgetExports = Object.keys(await import('@cartback/widget')).sort();
result.uiExports = Object.keys(await import('@cartback/widget/ui')).sort();
const { init } = await import('cartback');
result.atImport = touched.splice(0);

const api = init({ endpoint: 'https://x.example/e' });
result.added = api.cart.add({ id: 'a', name: 'A', price: 1 });
result.items = api.cart.items;
const late = new Promise((_, reject) => setTimeout(reject, 5000, new Error('api.ready did not settle in 5 s')).unref());
result.readyIsApi = (await Promise.race([api.ready, late])) === api;
result.atInit = touched.splice(0);
api.destroy();
destroyedAt = performance.now();
