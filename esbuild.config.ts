// The one build script: ESM + type declarations for each package, and the browser files a
// store includes (`cartback.js` plus its lazy chunks), minified, with their sizes printed;
// then the single-page example (examples/spa), bundled against the built `cartback` package.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { minify } from 'terser';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const VERSION: string = JSON.parse(readFileSync('packages/cartback/package.json', 'utf8')).version;

/** Packages in dependency order, with their entries; published as ESM, dependencies external. */
const PACKAGES: Record<string, string[]> = {
  core: ['index', 'tracking', 'diagnostics', 'startPlatformAdapter', 'shopifyAdapter', 'wooCommerceAdapter', 'dataLayerAdapter'],
  widget: ['index', 'ui'],
  cartback: ['index'],
};

const DIST = 'packages/cartback/dist';

/** The widget's languages besides English: a file each, so a shop downloads only its own. */
const LOCALES = ['de', 'fr', 'es', 'ar', 'he'];

/**
 * The lazy chunks, by entry file. A dynamic `import()` of one of these files (`./tracking.js`,
 * `./banner/bannerStyles.js`, `../theme/getThemeVars.js`: matched by the file it resolves to,
 * not by how the import spells it) becomes an import of the built file beside the importer,
 * `./cartback-tracking.js`: dynamic imports resolve against the importing script's own URL,
 * wherever the store serves it. Each such file is built on its own: small files that share
 * little, where esbuild's code splitting would add shared chunks (and requests) for a few helpers.
 */
const LAZY: Record<string, string> = {
  'packages/core/src/tracking.ts': 'cartback-tracking.js',
  'packages/core/src/startIdleWork.ts': 'cartback-idle.js',
  'packages/core/src/diagnostics.ts': 'cartback-diagnostics.js',
  'packages/cartback/src/startWidget.ts': 'cartback-widget.js',
  'packages/cartback/src/createWidgetControls.ts': 'cartback-exit.js',
  'packages/widget/src/exit/watchTouchExit.ts': 'cartback-touch.js',
  'packages/widget/src/diagnostics/checkWidgetOptions.ts': 'cartback-widget-options.js',
  'packages/widget/src/diagnostics/widgetDiagnostics.ts': 'cartback-widget-diagnostics.js',
  'packages/widget/src/modal/modalStyles.ts': 'cartback-modal-styles.js',
  'packages/widget/src/banner/bannerStyles.ts': 'cartback-banner-styles.js',
  'packages/widget/src/theme/getThemeVars.ts': 'cartback-theme.js',
  ...Object.fromEntries(LOCALES.map((locale) => [`packages/widget/src/copy/locales/${locale}.ts`, `cartback-locale-${locale}.js`])),
  'packages/core/src/startPlatformAdapter.ts': 'cartback-adapters.js',
  'packages/core/src/shopifyAdapter.ts': 'cartback-shopify.js',
  'packages/core/src/wooCommerceAdapter.ts': 'cartback-woocommerce.js',
  'packages/core/src/dataLayerAdapter.ts': 'cartback-datalayer.js',
};
const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, ({ kind, path, resolveDir }) => {
      if (kind !== 'dynamic-import') return undefined;
      const file = LAZY[relative(process.cwd(), join(resolveDir, path)).split(sep).join('/').replace(/\.js$/, '.ts')];
      return file ? { path: './' + file, external: true } : undefined;
    });
  },
};

/** A lazy chunk's entry, built to its file in LAZY. */
const lazyFile = (entry: string): BuildOptions => ({
  entryPoints: [entry],
  outfile: `${DIST}/${LAZY[entry]}`,
  format: 'esm',
  plugins: [lazyChunks],
});

/** Files the browser loads, bundled with everything they import. */
export const BROWSER_FILES: BuildOptions[] = [
  {
    entryPoints: ['packages/cartback/src/scriptTag.ts'],
    outfile: `${DIST}/cartback.js`,
    // A classic script. Built as ESM and wrapped by hand: esbuild's `iife` format adds its
    // require/ESM-interop helpers for the lazy chunks' external imports, unused, ~300 B gzip.
    format: 'esm',
    banner: { js: '(()=>{"use strict";' },
    footer: { js: '})();' },
    plugins: [lazyChunks],
  },
  {
    entryPoints: ['packages/core/src/tracking.ts'],
    outfile: `${DIST}/cartback-tracking.js`,
    format: 'esm',
  },
  // What every page does at its first idle moment: the other tabs, the platform adapter's
  // start, events an earlier page left.
  {
    entryPoints: ['packages/core/src/startIdleWork.ts'],
    outfile: `${DIST}/cartback-idle.js`,
    format: 'esm',
    plugins: [lazyChunks],
  },
  {
    entryPoints: ['packages/core/src/diagnostics.ts'],
    outfile: `${DIST}/cartback-diagnostics.js`,
    format: 'esm',
  },
  // The platform adapters: a store on Shopify loads cartback-adapters.js (the list), then
  // cartback-shopify.js, and no store pays for another's.
  ...['startPlatformAdapter', 'shopifyAdapter', 'wooCommerceAdapter', 'dataLayerAdapter'].map((name) =>
    lazyFile(`packages/core/src/${name}.ts`),
  ),
  // The widget: its controls with the first item in the cart (the exit detector), its UI at idle.
  lazyFile('packages/cartback/src/createWidgetControls.ts'),
  lazyFile('packages/cartback/src/startWidget.ts'),
  // What the widget loads only when a page needs it: exit intent on touch devices (loaded by
  // cartback-exit.js), the rules of the widget's options (when a store sets some), the wording
  // of mistakes, the modal's styles (where it may show), the banner's (on a return visit), a
  // preset other than light, a language other than English.
  ...Object.keys(LAZY)
    .filter((entry) => entry.startsWith('packages/widget/'))
    .map(lazyFile),
];

const shared: BuildOptions = {
  bundle: true,
  target: 'es2020',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(VERSION) },
  logLevel: 'warning',
};

export function formatSizes(file: string): string {
  const code = readFileSync(file);
  const kb = (n: number) => (n / 1024).toFixed(2).padStart(6) + ' KB';
  return `${file.padEnd(44)} raw ${kb(code.length)}   gzip ${kb(gzipSync(code, { level: 9 }).length)}   brotli ${kb(brotliCompressSync(code).length)}`;
}

async function main() {
  for (const [name, entries] of Object.entries(PACKAGES)) {
    const dir = `packages/${name}`;
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    await build({
      ...shared,
      entryPoints: entries.map((entry) => `${dir}/src/${entry}.ts`),
      outdir: `${dir}/dist`,
      format: 'esm',
      splitting: true,
      packages: 'external',
      external: ['@cartback/*'], // tsconfig paths would otherwise inline sibling packages
      sourcemap: true,
    });
    execFileSync(process.execPath, [tsc, '-p', `${dir}/tsconfig.build.json`], { stdio: 'inherit' });
  }
  for (const options of BROWSER_FILES) await buildBrowserFile(options);
  await buildSpaExample();
}

/**
 * Bundles with esbuild and minifies with terser: its two compress passes make the files
 * shoppers download about 4% smaller (230 B gzip on `cartback.js`) than esbuild's minifier.
 */
async function buildBrowserFile(options: BuildOptions) {
  const { outputFiles } = await build({ ...shared, ...options, write: false, sourcemap: 'external' });
  for (const code of outputFiles.filter((file) => file.path.endsWith('.js'))) {
    const map = outputFiles.find((file) => file.path == code.path + '.map')!;
    const minified = await minify(code.text, {
      ecma: 2020,
      module: !options.banner,
      compress: { passes: 3 },
      sourceMap: { content: map.text, url: basename(code.path) + '.map' },
    });
    mkdirSync(dirname(code.path), { recursive: true });
    writeFileSync(code.path, minified.code!);
    writeFileSync(map.path, minified.map as string);
    console.log(formatSizes(relative(process.cwd(), code.path)));
  }
}

/**
 * examples/spa, bundled the way a shop's own build would bundle it: `cartback` resolves
 * through node_modules to the package's built files (its `exports`), so the example runs what
 * npm users get. Its own tsconfig has no `paths`; the root one points `cartback` at the sources.
 */
async function buildSpaExample() {
  const outdir = 'examples/spa/dist';
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    ...shared,
    entryPoints: ['examples/spa/src/main.tsx'],
    outdir,
    format: 'esm',
    splitting: true,
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: 'examples/spa/tsconfig.json',
    // Code splitting leaves `import "./chunk-X.js"` lines in the packages' entries, which their
    // `"sideEffects": false` lets a bundler drop. esbuild says so only for code outside
    // node_modules, as the workspace packages are here (in a shop's project it is silent).
    logOverride: { 'ignored-bare-import': 'silent' },
    // Images become files of their own, named by content, at absolute URLs (routes are nested).
    loader: { '.svg': 'file' },
    assetNames: 'images/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    publicPath: '/',
    sourcemap: true,
    metafile: true,
  });
  for (const file of Object.keys(metafile.outputs)) if (/\.(js|css)$/.test(file)) console.log(formatSizes(file));
}

await main();
