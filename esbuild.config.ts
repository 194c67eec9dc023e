// The one build script: ESM + type declarations for each package, and the browser files a
// store includes (`cartback.js` plus its lazy chunks), minified, with their sizes printed;
// then the single-page example (examples/spa), bundled against the built `cartback` package.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { minify } from 'terser';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const VERSION: string = JSON.parse(readFileSync('packages/cartback/package.json', 'utf8')).version;

/**
 * Packages in dependency order, with their entries (besides `index`, the lazy files, so that
 * they keep their names in dist/); published as ESM, dependencies external.
 */
const PACKAGES: Record<string, string[]> = {
  core: ['index', 'tracking/createTracker', 'idle/startIdleWork', 'diagnostics/index'],
  adapters: ['index', 'shopify/shopifyAdapter', 'woocommerce/wooCommerceAdapter', 'datalayer/dataLayerAdapter'],
  widget: ['index', 'ui'],
  cartback: ['index'],
};

const DIST = 'packages/cartback/dist';

/** The widget's languages besides English: a file each, so a shop downloads only its own. */
const LOCALES = ['de', 'fr', 'es', 'ar', 'he'];

/**
 * The lazy files, by the source file a dynamic `import()` names (directly, or by a package's
 * name: PACKAGE_ENTRIES): each is the entry of a browser file of its own, and the import
 * becomes an import of that file beside the importer (`import('../tracking/createTracker.js')`
 * loads `./cartback-tracking.js`): dynamic imports resolve against the importing script's own
 * URL, wherever the store serves it. Small files that share little, where esbuild's code
 * splitting would add shared chunks (and requests) for a few helpers.
 */
const LAZY: Record<string, string> = {
  'packages/core/src/tracking/createTracker.ts': 'cartback-tracking.js',
  // Assignment to experiment arms: loaded by the tracking file only where a store sets `experiments`.
  'packages/core/src/experiments/createExperiments.ts': 'cartback-experiments.js',
  // What every page does at its first idle moment: the other tabs, the platform adapter's
  // start, events an earlier page left.
  'packages/cartback/src/startIdleWorkWithAdapters.ts': 'cartback-idle.js',
  'packages/core/src/diagnostics/index.ts': 'cartback-diagnostics.js',
  // The platform adapters: a store on Shopify loads cartback-adapters.js (the list), then
  // cartback-shopify.js, and no store pays for another's.
  'packages/adapters/src/index.ts': 'cartback-adapters.js',
  'packages/adapters/src/shopify/shopifyAdapter.ts': 'cartback-shopify.js',
  'packages/adapters/src/woocommerce/wooCommerceAdapter.ts': 'cartback-woocommerce.js',
  'packages/adapters/src/datalayer/dataLayerAdapter.ts': 'cartback-datalayer.js',
  'packages/cartback/src/createWidgetControls.ts': 'cartback-exit.js',
  'packages/cartback/src/startWidget.ts': 'cartback-widget.js',
  // What the widget loads only when a page needs it: the modal's styles and countdown (where the modal may
  // still show), the banner's styles and rules (on a return visit), the page's look (`theme:
  // 'auto'`, the default), a preset other than light or auto, exit intent on
  // touch devices (loaded by cartback.js itself), the rules of the widget's options (when a
  // store sets them), the store's own words (when it sets `copy`), the tab's title (with `banner.tabTitle`), the wording of mistakes, a language other than English.
  'packages/widget/src/modal/modalParts.ts': 'cartback-modal.js',
  'packages/widget/src/banner/bannerStyles.ts': 'cartback-banner-styles.js',
  'packages/widget/src/theme/getThemeVars.ts': 'cartback-theme.js',
  // `theme: 'auto'`, the default: the page's look, read once, with the contrast maths.
  'packages/widget/src/theme/readPageTheme.ts': 'cartback-page-theme.js',
  'packages/widget/src/exit/watchTouchExit.ts': 'cartback-touch.js',
  'packages/widget/src/diagnostics/checkWidgetOptions.ts': 'cartback-widget-options.js',
  'packages/widget/src/copy/mergeStoreCopy.ts': 'cartback-store-copy.js',
  'packages/widget/src/banner/watchTabTitle.ts': 'cartback-tab-title.js',
  'packages/widget/src/diagnostics/widgetDiagnostics.ts': 'cartback-widget-diagnostics.js',
  ...Object.fromEntries(LOCALES.map((locale) => [`packages/widget/src/copy/locales/${locale}.ts`, `cartback-locale-${locale}.js`])),
};

/** Packages that lazy code imports by name: the source files the names stand for. */
const PACKAGE_ENTRIES: Record<string, string> = {
  '@cartback/adapters': 'packages/adapters/src/index.ts',
};

/** The source file a dynamic import names, as a key of LAZY. */
function lazyKey(path: string, resolveDir: string): string {
  return path.startsWith('.') ? relative(process.cwd(), resolve(resolveDir, path)).replace(/\.js$/, '.ts') : PACKAGE_ENTRIES[path] ?? path;
}

/**
 * Every dynamic import stays a dynamic import. One that is not a lazy file is left pointing
 * at `unmapped:`, and the build fails if such an import survives tree shaking (see
 * buildBrowserFile): bundled in, its module and the ones it imports would be wrapped for
 * lazy start-up even where it is never called (the headless engine's idle work in core).
 */
const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /.*/ }, ({ kind, path, resolveDir }) => {
      if (kind != 'dynamic-import') return undefined;
      const key = lazyKey(path, resolveDir);
      return { path: LAZY[key] ? './' + LAZY[key] : UNMAPPED + key, external: true };
    });
  },
};
const UNMAPPED = 'unmapped:';

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
  ...Object.entries(LAZY).map(([source, file]) => ({
    entryPoints: [source],
    outfile: `${DIST}/${file}`,
    format: 'esm' as const,
    plugins: [lazyChunks],
  })),
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
    copyFileSync('LICENSE', `${dir}/LICENSE`); // each tarball carries the licence
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
 * Bundles with esbuild and minifies with terser: its compress passes make the files shoppers
 * download about 4% smaller (230 B gzip on `cartback.js`) than esbuild's minifier.
 * `unsafe_arrows` turns function expressions that use no `this` into arrows; no source
 * function is called with `new` (classes are classes).
 */
async function buildBrowserFile(options: BuildOptions) {
  const { outputFiles } = await build({ ...shared, ...options, write: false, sourcemap: 'external' });
  for (const code of outputFiles.filter((file) => file.path.endsWith('.js'))) {
    const map = outputFiles.find((file) => file.path == code.path + '.map')!;
    if (code.text.includes(UNMAPPED)) throw new Error(`${code.path} imports a file that is not in LAZY: ${code.text.match(/unmapped:[^'"]+/)![0]}`);
    const minified = await minify(code.text, {
      ecma: 2020,
      module: !options.banner,
      compress: { passes: 3, unsafe_arrows: true },
      // The map is written beside the file but not named in it: a `//# sourceMappingURL`
      // comment is bytes every shopper downloads for the store's developer. Servers name the
      // map in a `SourceMap` response header instead (docs/hosting.md; examples/serveStatic.ts).
      sourceMap: { content: map.text },
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
