import { describe, expect, it } from 'vitest';
import { SKIP_REASON, checkPage, chromiumMissing, useDemo } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

/* The member network pages on the demo organisation: drawn without script, accessible, and the profile's "Connects". */
describe.skipIf(chromiumMissing)(`the member network pages in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const demo = useDemo();

  it('draws the organisation and a community network, names brokers and spanners, and shows Connects on a profile', async () => {
    const cp = await demo.open();
    await cp.page.goto('/network');
    expect(await cp.page.locator('svg.network-drawing circle').count()).toBeGreaterThan(5);
    expect(await cp.page.locator('main').innerText()).toContain('Hannah');
    await checkPage(cp, 'network-organisation');
    await cp.page.goto('/c/accessibility-guild/network');
    expect(await cp.page.locator('svg.network-drawing a').count()).toBeGreaterThan(3);
    await checkPage(cp, 'network-community');
    await cp.page.goto('/u/hannah');
    expect(await cp.page.locator('#profile-connects').count()).toBe(1);
    await checkPage(cp, 'network-profile');
    await cp.context.close();
  });
});
