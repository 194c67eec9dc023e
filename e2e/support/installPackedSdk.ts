import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './runCommand';

export interface PackedSdk {
  /** A fresh `"type": "module"` project with the three tarballs installed, as a shop would have it. */
  shop: string;
  /** What each package's tarball holds, by package name (paths relative to the package). */
  files: Record<string, string[]>;
}

/** `npm pack`s @cartback/core, @cartback/widget and cartback as built, and installs the tarballs into a new project. */
export async function installPackedSdk(repo: string): Promise<PackedSdk> {
  // Real path: esbuild reports output paths resolved, and a temp dir may sit behind a symlink.
  const shop = realpathSync(mkdtempSync(join(tmpdir(), 'cartback-shop-')));
  const packed = await runCommand(
    'npm',
    ['pack', '--json', '--pack-destination', shop, ...['core', 'widget', 'cartback'].flatMap((name) => ['--workspace', `packages/${name}`])],
    repo,
  );
  const tarballs: Array<{ name: string; filename: string; files: Array<{ path: string }> }> = JSON.parse(packed);
  writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
  // Together: cartback depends on @cartback/core and @cartback/widget 0.1.0, not on the registry.
  await runCommand(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', '--prefer-offline', ...tarballs.map((t) => `./${t.filename}`)],
    shop,
    90_000,
  );
  return { shop, files: Object.fromEntries(tarballs.map((t) => [t.name, t.files.map((file) => file.path)])) };
}
