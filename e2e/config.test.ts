import { describe, expect, it } from 'vitest';
import { setupBrowserTests } from './support/setupBrowserTests';
import { observeQuietPeriod } from './support/watchPage';

const t = setupBrowserTests();

describe.each([
  ['bad-endpoint-ftp.html', 'ftp://example.com'],
  ['bad-endpoint-text.html', 'not a url'],
])('a script tag with a bad data-endpoint (%s)', (fixture, badValue) => {
  it('prints one clear console error naming the value, and the page keeps working', async () => {
    const { page, watch } = await t.openPage(`/${fixture}`);

    const configErrors = () =>
      watch.cartbackMessages('error').filter((entry) => entry.text.startsWith('[cartback] config.endpoint must be'));
    await expect.poll(() => configErrors().length).toBe(1);
    const [message] = configErrors();
    console.log(`[e2e] config error: ${message?.text}`);
    expect(message?.text).toContain(badValue);

    // afterCartback.js runs after the SDK's tag and uses the stub queue; it must finish.
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { pageScriptRan?: boolean }).pageScriptRan)).toBe(true);

    await observeQuietPeriod(page, 500);
    expect(watch.cartbackMessages('error')).toHaveLength(1);
    expect(watch.pageErrors).toEqual([]);
    expect(await watch.windowErrors()).toEqual([]);
  });
});
