import { describe, expect, it } from 'vitest';
import { SKIP_REASON, checkPage, chromiumMissing, useDemo } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

const SECTIONS = ['', '/activity', '/participation', '/responsiveness', '/newcomers', '/knowledge', '/inclusion', '/value'];

/*
 * The health dashboards on the demo organisation, as its steward (the demo admin stewards the
 * Accessibility Guild) and as an anonymous reader: every section drawn without script, fits 375 px,
 * axe clean in light and dark; the sponsor report and the organisation view too.
 */
describe.skipIf(chromiumMissing)(`the health dashboards in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 300_000 }, () => {
  const demo = useDemo();

  it('shows every section of a community’s health to its steward, with charts and the navigation between them', async () => {
    const cp = await demo.openSignedIn();
    for (const s of SECTIONS) {
      await cp.page.goto(`/c/accessibility-guild/health${s}`);
      expect(await cp.page.locator('h1').innerText()).toMatch(/Accessibility Guild/);
      expect(await cp.page.locator('.health-nav a[aria-current="page"]').count()).toBe(1);
      expect(await cp.page.locator('main').innerText()).toContain('individual figures');
      await checkPage(cp, `health${s.replace('/', '-') || '-overview'}`);
    }
    await cp.page.goto('/c/accessibility-guild/health/report');
    await checkPage(cp, 'health-report');
    await cp.page.goto('/health');
    expect(await cp.page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(4);
    await checkPage(cp, 'health-organisation');
    await cp.context.close();
  });

  it('shows an anonymous reader aggregates of a public community, and charts drawn as SVG', async () => {
    const cp = await demo.open();
    await cp.page.goto('/c/accessibility-guild/health/activity');
    expect(await cp.page.locator('main').innerText()).toContain('aggregates only');
    expect(await cp.page.locator('svg.chart__svg').count()).toBeGreaterThan(0);
    await cp.page.goto('/c/accessibility-guild/health');
    await checkPage(cp, 'health-overview-anonymous');
    await cp.context.close();
  });
});
