import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './runCommand';

export interface PackedSdk {
  /** A fresh `"type": "module"` project with the tarballs installed, as a shop would have it. */
  shop: string;
  /** What each package's tarball holds, by package name (paths relative to the package). */
  files: Record<string, string[]>;
}

/**
 * Follows the README's install steps on the built packages: `npm run pack` (its packing half,
 * `pack:tarballs`: the build has run), then `npm install <repo>/packs/*.tgz` in a new project.
 */
export async function installPackedSdk(repo: string): Promise<PackedSdk> {
  // Real path: esbuild reports output paths resolved, and a temp dir may sit behind a symlink.
  const shop = realpathSync(mkdtempSync(join(tmpdir(), 'cartback-shop-')));
  const packs = join(repo, 'packs');
  rmSync(packs, { recursive: true, force: true });
  const packed = await runCommand('npm', ['run', '--silent', 'pack:tarballs', '--', '--json'], repo, 120_000);
  const tarballs: Array<{ name: string; filename: string; files: Array<{ path: string }> }> = JSON.parse(packed);
  writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
  const all = readdirSync(packs).filter((file) => file.endsWith('.tgz'));
  await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...all.map((file) => join(packs, file))], shop, 90_000);
  return { shop, files: Object.fromEntries(tarballs.map((t) => [t.name, t.files.map((file) => file.path)])) };
}
