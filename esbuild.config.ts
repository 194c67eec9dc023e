// The one build script: ESM + type declarations for each package, and the browser files a
// store includes (`cartback.js` plus its lazy chunks), minified, with their sizes printed.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const VERSION: string = JSON.parse(readFileSync('packages/cartback/package.json', 'utf8')).version;

/** Packages in dependency order, with their entries; published as ESM, dependencies external. */
const PACKAGES: Record<string, string[]> = {
  core: ['index', 'tracking', 'diagnostics'],
  cartback: ['index'],
};

/** Files the browser loads, bundled with everything they import. */
export const BROWSER_FILES: BuildOptions[] = [
  {
    entryPoints: ['packages/cartback/src/scriptTag.ts'],
    outfile: 'packages/cartback/dist/cartback.js',
    format: 'iife',
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
];

/**
 * In `cartback.js` (a classic script, so no code splitting), a lazy `import('./tracking.js')`
 * becomes an import of the chunk file beside it, `./cartback-tracking.js`: a classic
 * script's dynamic imports resolve against the script's own URL, wherever the store serves it.
 */
const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /^\.\/(tracking|diagnostics)\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./cartback-${args.path.slice(2, -3)}.js`, external: true } : undefined,
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
  for (const options of BROWSER_FILES) {
    await build({ ...shared, ...options, minify: true, sourcemap: true });
    console.log(formatSizes(options.outfile!));
  }
}

await main();
