// The structure as a test: no import circles anywhere (type imports and lazy imports count),
// and the packages depend on each other in one direction only, each on what its package.json
// declares. madge reads the imports; tsconfig's paths resolve `@cartback/*` to the sources.
import { readFileSync } from 'node:fs';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const PACKAGES = ['core', 'adapters', 'widget', 'cartback', 'collector'];
let graph: Record<string, string[]>;
let circles: string[][];

beforeAll(async () => {
  const result = await madge(
    PACKAGES.map((name) => `packages/${name}/src`),
    { fileExtensions: ['ts', 'tsx'], tsConfig: 'tsconfig.json', excludeRegExp: [/\.test\.ts$/, /\/testing\//] },
  );
  graph = result.obj();
  circles = result.circular();
}, 60_000);

const packageOf = (file: string) => file.split('/')[0]!;

describe('architecture', () => {
  it('reads every source file of every package', () => {
    for (const name of PACKAGES) expect(Object.keys(graph).some((file) => packageOf(file) == name), name).toBe(true);
  });

  it('has no import circles', () => {
    expect(circles).toEqual([]);
  });

  it.each(PACKAGES)('%s imports only itself and the packages its package.json depends on', (name) => {
    const manifest = JSON.parse(readFileSync(`packages/${name}/package.json`, 'utf8'));
    const declared = Object.keys(manifest.dependencies ?? {})
      .filter((dependency) => dependency.startsWith('@cartback/'))
      .map((dependency) => dependency.slice('@cartback/'.length));
    const used = new Set(
      Object.entries(graph)
        .filter(([file]) => packageOf(file) == name)
        .flatMap(([, imports]) => imports.map(packageOf)),
    );
    used.delete(name);
    expect([...used].filter((dependency) => !declared.includes(dependency))).toEqual([]);
  });
});
