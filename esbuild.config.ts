// The one build script: ESM + type declarations for each package, and the browser files a
// store includes (`cartback.js` plus its lazy chunks), minified, with their sizes printed.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const VERSION: string = JSON.parse(readFileSync('packages/cartback/package.json', 'utf8')).version;

/** Packages in dependency order; each is published as ESM with its dependencies external. */
const PACKAGES = ['core', 'cartback'];

/** Files the browser loads, bundled with everything they import. */
export const BROWSER_FILES: BuildOptions[] = [
  {
    entryPoints: ['packages/cartback/src/scriptTag.ts'],
    outfile: 'packages/cartback/dist/cartback.js',
    format: 'iife',
  },
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
  for (const name of PACKAGES) {
    const dir = `packages/${name}`;
    rmSync(`${dir}/dist`, { recursive: true, force: true });
    await build({
      ...shared,
      entryPoints: [`${dir}/src/index.ts`],
      outfile: `${dir}/dist/index.js`,
      format: 'esm',
      packages: 'external',
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
