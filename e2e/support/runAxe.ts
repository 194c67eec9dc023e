import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './startSite';

/**
 * Runs axe-core (the npm package) on the whole page and returns its violations, printed when
 * there are any. The page's CSP must allow the injected script: open it in a context with
 * `bypassCSP: true`. `only` limits it to one element (the widget, on a page whose own colours
 * are deliberately bad).
 */
export async function runAxe(page: Page, only?: string) {
  const axeSource = readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // In every frame: axe asks the page's iframes to check themselves.
  for (const frame of page.frames()) await frame.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (only) => {
    const { axe } = window as unknown as { axe: { run(context: unknown): Promise<{ violations: any[] }> } };
    const results = await axe.run(only ? { include: [only] } : document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((node: { target: unknown; failureSummary: string }) => ({ target: node.target, summary: node.failureSummary })),
    }));
  }, only);
  if (violations.length) console.log('[e2e] axe violations:', JSON.stringify(violations, null, 2));
  return violations;
}
