import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, checkPage, chromiumMissing, useDemo } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

/*
 * The expertise and recognition pages on the demo organisation: a member's evidence in one tag, the
 * expert finder with results and with nothing found, a leaderboard, and one that its stewards turned
 * off — each checked for accessibility and layout at both widths.
 */
describe.skipIf(chromiumMissing)(`expertise and recognition pages in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const demo = useDemo();

  async function visit(page: Page, path: string, status = 200): Promise<string> {
    const res = await page.goto(path);
    expect(res?.status(), `GET ${path}`).toBe(status);
    return page.locator('main').innerText();
  }

  it('shows why a member is an expert, finds experts by skill, and ranks a community', async () => {
    const cp = await demo.open();
    const { page } = cp;
    await visit(page, '/u/amara');
    await page.locator('summary', { hasText: 'Why dialogs?' }).click();
    expect(await page.locator('details', { hasText: 'Why dialogs?' }).innerText()).toContain('Accepted answer');
    await checkPage(cp, 'expertise-profile-why-open');
    expect(await visit(page, '/u/amara/expertise/dialogs')).toContain('How do we test focus order in modal dialogs?');
    await checkPage(cp, 'expertise-tag-evidence');
    const found = await visit(page, '/experts?skill=testing');
    expect(found).toContain('Amara Okafor');
    expect(found).toContain('Demonstrated in testing');
    await checkPage(cp, 'expertise-finder-results');
    expect(await visit(page, '/experts?skill=basketry&mentoring=open')).toContain('No one matches');
    await checkPage(cp, 'expertise-finder-empty');
    expect(await visit(page, '/c/accessibility-guild/leaderboard')).toContain('Amara Okafor');
    await checkPage(cp, 'expertise-leaderboard');
    await visit(page, '/c/incident-review/leaderboard', 404);
    await cp.context.close();
  });
});
