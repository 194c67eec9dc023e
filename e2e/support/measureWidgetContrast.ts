import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './startSite';

/**
 * The open modal's colours as the page computes them, and their contrast measured by axe-core's
 * own formula (`axe.commons.color.getContrast`): the checkout button's text on its background,
 * the button against the dialog, and the dialog's text. The page's CSP must allow the injected
 * script: open it in a context with `bypassCSP: true`.
 */
export async function measureWidgetContrast(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(() => {
    const { Color, getContrast } = (window as any).axe.commons.color;
    const root = document.querySelector('cartback-widget')!.shadowRoot!;
    const style = (part: string) => getComputedStyle(root.querySelector(`[part=${part}]`)!);
    const color = (css: string) => {
      const parsed = new Color();
      parsed.parseString(css);
      return parsed;
    };
    const accent = style('checkout').backgroundColor;
    const accentText = style('checkout').color;
    const background = style('dialog').backgroundColor;
    const text = style('dialog').color;
    const round = (ratio: number) => Math.round(ratio * 100) / 100;
    return {
      accent,
      accentText,
      background,
      text,
      font: style('dialog').fontFamily,
      buttonText: round(getContrast(color(accent), color(accentText))),
      buttonOnBackground: round(getContrast(color(background), color(accent))),
      bodyText: round(getContrast(color(background), color(text))),
    };
  });
}
