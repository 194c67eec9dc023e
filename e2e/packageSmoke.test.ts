// What an SPA shop gets from `npm install cartback`: the packed tarballs of the built packages,
// installed into a fresh project, then imported on a server, type-checked and bundled.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackedSdk, type PackedSdk } from './support/installPackedSdk';
import { runCommand } from './support/runCommand';

const repo = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let sdk: PackedSdk;
beforeAll(async () => void (sdk = await installPackedSdk(repo)), 180_000);
afterAll(() => sdk && rmSync(sdk.shop, { recursive: true, force: true }));

const readManifest = (name: string) =>
  JSON.parse(readFileSync(join(sdk.shop, 'node_modules', name, 'package.json'), 'utf8'));

/** Every file a manifest sends its users to: main, module, types and each `exports` target. */
function manifestTargets(manifest: Record<string, unknown>): string[] {
  const leaves = (value: unknown): string[] =>
    typeof value == 'string' ? [value] : value && typeof value == 'object' ? Object.values(value).flatMap(leaves) : [];
  return [manifest.main, manifest.module, manifest.types, manifest.exports].flatMap(leaves).map((p) => p.replace(/^\.\//, ''));
}

/** Bundles `code` from the shop's project as its build would, minified, code-split. */
async function bundle(name: string, code: string) {
  writeFileSync(join(sdk.shop, `${name}.js`), code);
  const { metafile, outputFiles } = await build({
    entryPoints: [`${name}.js`],
    absWorkingDir: sdk.shop,
    outdir: `out-${name}`,
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const texts = new Map(outputFiles.map((file) => [file.path.slice(sdk.shop.length + 1), file.text]));
  const gzip = (file: string) => gzipSync(texts.get(file)!, { level: 9 }).length;
  const entry = `out-${name}/${name}.js`;
  // What the page loads before running the entry: it and the chunks it imports statically.
  const eager = [entry];
  for (const file of eager)
    for (const { path, kind } of metafile.outputs[file]!.imports)
      if (kind == 'import-statement' && !eager.includes(path)) eager.push(path);
  for (const [file, text] of texts) {
    const load = eager.includes(file) ? 'eager' : 'lazy';
    console.log(`[e2e] ${name}: ${file.padEnd(40)} ${load}  raw ${text.length} B  gzip ${gzip(file)} B`);
  }
  const eagerGzip = eager.reduce((sum, file) => sum + gzip(file), 0);
  console.log(`[e2e] ${name}: eager total ${eagerGzip} B gzip (sum of files)`);
  const chunkOf = (source: string) =>
    Object.entries(metafile.outputs).find(([, output]) => output.entryPoint == source)?.[0];
  // What the code loaded up front imports lazily (esbuild may move it into a shared chunk).
  const dynamicImports = eager.flatMap((file) =>
    metafile.outputs[file]!.imports.filter((i) => i.kind == 'dynamic-import').map((i) => i.path),
  );
  return { code: texts, eager, eagerGzip, chunkOf, dynamicImports };
}

describe('npm install cartback', () => {
  it.each([
    ['@cartback/core', ['dist/index.js', 'dist/index.d.ts', 'dist/tracking/createTracker.js', 'schema/events.v1.json']],
    ['@cartback/adapters', ['dist/index.js', 'dist/index.d.ts', 'dist/shopify/shopifyAdapter.js']],
    ['@cartback/widget', ['dist/index.js', 'dist/index.d.ts', 'dist/ui.js', 'dist/ui.d.ts']],
    ['cartback', ['dist/index.js', 'dist/index.d.ts', 'dist/cartback.js', 'dist/cartback-widget.js']],
  ])('the %s tarball holds its entry files, its README and licence, no tests, and every file its package.json names', (name, required) => {
    const files = sdk.files[name]!;
    expect(files).toEqual(expect.arrayContaining([...required, 'README.md', 'LICENSE', 'package.json']));
    expect(files.filter((file) => /\.test\.|(^|\/)testing\//.test(file))).toEqual([]);
    const manifest = readManifest(name);
    // Only the script-tag file runs anything when loaded; a bundler may drop any other unused module.
    expect(manifest.sideEffects).toEqual(name == 'cartback' ? ['./dist/cartback.js'] : false);
    const missing = manifestTargets(manifest).filter((target) => !files.includes(target));
    expect(missing, `${name}/package.json points at files its tarball lacks`).toEqual([]);
  });

  it('imports and init()s on a server without reading browser globals, as an inert in-memory API', async () => {
    copyFileSync(join(repo, 'e2e/support/ssrProbe.mjs'), join(sdk.shop, 'ssrProbe.mjs'));
    const output = await runCommand(process.execPath, ['ssrProbe.mjs'], sdk.shop, 20_000);
    const seen = JSON.parse(output.trim().split('\n').at(-1)!);
    console.log(`[e2e] server init(): the process outlived api.destroy() by ${seen.lingeredMs} ms`);
    expect(seen.coreExports).toEqual(expect.arrayContaining(['createCartback', 'validateItem']));
    expect(seen.widgetExports).toEqual(expect.arrayContaining(['createExitDetector']));
    expect(seen.uiExports).toEqual(['createWidget']);
    // @preact/signals (the widget's state) asks `typeof window` at import, for its devtools; the
    // trap reads as undefined, as on a server. Nothing else may read a browser global.
    const isSignalsProbe = (read: string) => /^window .*\/node_modules\/@preact\/signals\/dist\//.test(read);
    expect(seen.atImport.filter((read: string) => !isSignalsProbe(read)), 'browser globals read at import time').toEqual([]);
    // `typeof window` is how init() knows it is on a server. The traps read as undefined, so
    // any other use of `window` would have thrown; any other global read means a browser path ran.
    expect(seen.atInit.filter((read: string) => !read.startsWith('window ')), 'browser globals read by init()').toEqual([]);
    expect(seen.added).toBe(true);
    expect(seen.items).toEqual([expect.objectContaining({ id: 'a', name: 'A', price: 1, quantity: 1 })]);
    expect(seen.readyIsApi).toBe(true);
  });

  // The @ts-expect-error fails the check if the types silently resolve to `any`.
  const CHECK = `import { init, type CartbackApi, type CartItem } from 'cartback';
const api: CartbackApi = init({ endpoint: 'https://x.example/e' });
export const added: boolean = api.cart.add({ id: 'a', name: 'A', price: 1 });
export const items: readonly CartItem[] = api.cart.items;
export const ready: Promise<CartbackApi> = api.ready;
// @ts-expect-error a config is an object
init('https://x.example/e');
`;
  // bundler: Vite-style SPA projects. nodenext: Node/SSR projects, where a "type": "module"
  // package's .d.ts files are ESM, so their relative imports need file extensions.
  it.each([
    ['bundler', 'esnext'],
    ['nodenext', 'nodenext'],
  ])('its types check in a strict project with moduleResolution %s', async (resolution, module) => {
    writeFileSync(join(sdk.shop, 'check.ts'), CHECK);
    const flags = ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom'];
    await runCommand(process.execPath, [tsc, ...flags, '--module', module, '--moduleResolution', resolution, 'check.ts'], sdk.shop);
  });

  it('bundles init() for the browser with tracking and the Preact UI in lazy chunks', async () => {
    const spa = await bundle('spa', `import { init } from 'cartback';\ninit({});\n`);
    const tracking = spa.chunkOf('node_modules/@cartback/core/dist/tracking/createTracker.js');
    expect(tracking, 'tracking is a chunk of its own').toBeDefined();
    expect(spa.dynamicImports).toContain(tracking);
    expect(spa.eager).not.toContain(tracking);
    // esbuild keeps no module names in minified code: Preact is recognised by its `__k` (children) field.
    const withPreact = [...spa.code].filter(([, text]) => text.includes('.__k')).map(([file]) => file);
    expect(withPreact, 'the UI framework is bundled').not.toEqual([]);
    for (const file of withPreact) expect(spa.eager, `${file} (Preact) loads up front`).not.toContain(file);
  });

  it('bundles a headless shop (core alone) with no UI framework, and the platform adapters lazy', async () => {
    const headless = await bundle(
      'headless',
      `import { browserPlatform, checkConfig, createCartback } from '@cartback/core';
const { config } = checkConfig({ platform: 'shopify' });
const api = createCartback(config, browserPlatform(), { adapters: () => import('@cartback/adapters') });
api.cart.subscribe((cart) => console.log(cart.count));
api.on('cart_abandoned', console.log);
`,
    );
    const all = [...headless.code.values()].join('\n');
    expect(all, 'Preact is in a core-only bundle').not.toMatch(/\.__k\b/);
    // The adapters: the list is a lazy chunk, and each adapter is a lazy chunk of its own. The
    // list is imported by the idle work (a lazy chunk too), not by what loads up front.
    const list = headless.chunkOf('node_modules/@cartback/adapters/dist/index.js');
    expect(list, 'the adapter list is a chunk of its own').toBeDefined();
    expect(headless.eager).not.toContain(list);
    const idle = [...headless.code.keys()].find((name) => /startIdleWork/.test(name));
    expect(idle && headless.dynamicImports.includes(idle), 'the idle work is a lazy chunk').toBe(true);
    for (const file of [...headless.code.keys()].filter((name) => /shopify|wooCommerce|dataLayer|startPlatform/i.test(name)))
      expect(headless.eager, `${file} loads up front`).not.toContain(file);
    const shopify = [...headless.code].find(([, text]) => text.includes('cart.js'));
    expect(shopify && headless.eager.includes(shopify[0]), 'the Shopify adapter loads up front').toBe(false);
  });

  it('bundles a core-only import small', async () => {
    const core = await bundle('coreOnly', `import { validateItem } from '@cartback/core';\nconsole.log(validateItem({}));\n`);
    const eagerCode = core.eager.map((file) => core.code.get(file)).join('\n');
    // IndexedDB is reached only through browserPlatform(); `sideEffects: false` should drop it.
    const keepsIdb = /indexedDB/.test(eagerCode);
    console.log(`[e2e] coreOnly: the IndexedDB storage ${keepsIdb ? 'IS STILL BUNDLED' : 'tree-shaken away'}`);
    expect(core.eager.some((file) => file == core.chunkOf('node_modules/@cartback/core/dist/tracking/createTracker.js'))).toBe(false);
    // Measured 2026-11-21: 1,863 B; then 2,011 B, in five files instead of four: the platform
    // adapters check items with the engine's validateItem (core.validateItem) rather than a
    // copy each, which moves it into a chunk esbuild shares with them. That costs a shop that
    // imports validateItem alone about 0.1 KB and saves every page of a store with an adapter
    // 0.55-0.7 KB. Then 3,081 B: durable capture shares more modules between the engine and its
    // lazy files (the chunk loader, the tab channel, drafts and hand-overs, record checks), and
    // esbuild loads a chunk shared with a lazy file up front even where nothing of it is used.
    // Then 2,561 B: the idle work and the wording of mistakes are subpath exports
    // (`@cartback/core/idle`, `@cartback/core/diagnostics`), not re-exported by the index.
    // Then 2,709 B (2026-12-05), +148: core gained lazy imports (the experiments file from the
    // tracker, the wording of purchase's and consent's mistakes from the engine), which changes
    // how esbuild splits core's files into shared chunks; which shared lines a lone
    // validateItem now pulls in is not yet traced.
    // Raise only with a reason a shop importing one helper would accept.
    expect(core.eagerGzip, 'validateItem alone costs more than it did').toBeLessThanOrEqual(2_750);
  });
});
