// The one build script: ESM + type declarations for each package, and the browser files a
// store includes (`cartback.js` plus its lazy chunks), minified, with their sizes printed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { minify } from 'terser';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const VERSION: string = JSON.parse(readFileSync('packages/cartback/package.json', 'utf8')).version;

/** Packages in dependency order, with their entries; published as ESM, dependencies external. */
const PACKAGES: Record<string, string[]> = {
  core: ['index', 'tracking', 'diagnostics'],
  widget: ['index', 'ui'],
  cartback: ['index'],
};

/** Files the browser loads, bundled with everything they import. */
export const BROWSER_FILES: BuildOptions[] = [
  {
    entryPoints: ['packages/cartback/src/scriptTag.ts'],
    outfile: 'packages/cartback/dist/cartback.js',
    // A classic script. Built as ESM and wrapped by hand: esbuild's `iife` format adds its
    // require/ESM-interop helpers for the lazy chunks' external imports, unused, ~300 B gzip.
    format: 'esm',
    banner: { js: '(()=>{"use strict";' },
    footer: { js: '})();' },
  },
  {
    entryPoints: ['packages/core/src/tracking.ts'],
    outfile: 'packages/cartback/dist/cartback-tracking.js',
    format: 'esm',
  },
  {
    entryPoints: ['packages/core/src/diagnostics.ts'],
    outfile: 'packages/cartback/dist/cartback-diagnostics.js',
    format: 'esm',
  },
  {
    entryPoints: ['packages/cartback/src/startWidget.ts'],
    outfile: 'packages/cartback/dist/cartback-widget.js',
    format: 'esm',
  },
];

/**
 * In `cartback.js` (a classic script, so no code splitting), a lazy `import('./tracking.js')`
 * becomes an import of the chunk file beside it, `./cartback-tracking.js`: a classic
 * script's dynamic imports resolve against the script's own URL, wherever the store serves it.
 */
const LAZY: Record<string, string> = {
  './tracking.js': './cartback-tracking.js',
  './diagnostics.js': './cartback-diagnostics.js',
  './startWidget.js': './cartback-widget.js',
};
const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /^\.\/(tracking|diagnostics|startWidget)\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: LAZY[args.path]!, external: true } : undefined,
    );
  },
};
BROWSER_FILES[0]!.plugins = [lazyChunks];

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
}

/**
 * Bundles with esbuild and minifies with terser: its two compress passes make the files
 * shoppers download about 4% smaller (230 B gzip on `cartback.js`) than esbuild's minifier.
 */
async function buildBrowserFile(options: BuildOptions) {
  const file = options.outfile!;
  const { outputFiles } = await build({ ...shared, ...options, write: false, sourcemap: 'external' });
  const output = (ext: string) => outputFiles.find((f) => f.path.endsWith(ext))!.text;
  const minified = await minify(output('.js'), {
    ecma: 2020,
    module: options.format == 'esm' && !options.banner,
    compress: { passes: 2 },
    sourceMap: { content: output('.map'), url: basename(file) + '.map' },
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, minified.code!);
  writeFileSync(file + '.map', minified.map as string);
  console.log(formatSizes(file));
}

await main();
