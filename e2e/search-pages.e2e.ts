import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, checkPage, chromiumMissing, useDemo } from './harness.ts';

if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

/* The search page and the header quick search over the demo organisation, checked with axe. */
describe.skipIf(chromiumMissing)(`search pages in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const demo = useDemo();

  async function main(page: Page): Promise<string> {
    return page.locator('main').innerText();
  }

  it('searches from the header, shows results and filters, and never shows a private community to a visitor', async () => {
    const cp = await demo.open();
    const { page } = cp;
    await page.goto('/search');
    expect(await main(page)).toContain('Type a few words above');
    await checkPage(cp, 'search-empty');
    await page.goto('/');
    await page.getByLabel('Search Guildhall').fill('focus');
    await page.getByRole('search', { name: 'Quick search' }).getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=focus/);
    const results = await main(page);
    expect(results).toContain('focus');
    expect(results).not.toContain('Incident Review');
    await checkPage(cp, 'search-results');
    await page.goto('/search?q=focus&from=2026-02-30');
    expect(await main(page)).toContain('There is a problem');
    await checkPage(cp, 'search-error');
    await page.goto('/members');
    await checkPage(cp, 'search-header-on-members');
    await cp.context.close();
  });

  it('signed in as the demo admin, the filters work without JavaScript', async () => {
    const cp = await demo.openSignedIn();
    const { page } = cp;
    await page.goto('/search?q=the');
    await page.getByText('Filters').click();
    await page.getByLabel('Kind', { exact: true }).selectOption('article');
    await page.getByLabel('Order', { exact: true }).selectOption('date');
    await page.getByRole('search', { name: 'Search with filters' }).getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/kind=article/);
    expect(await page.locator('.search-hit .badge--article').count()).toBeGreaterThan(0);
    expect(await page.locator('.search-hit .badge--topic').count()).toBe(0);
    await checkPage(cp, 'search-filtered');
    await cp.context.close();
  });
});
