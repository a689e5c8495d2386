import { describe, expect, it } from 'vitest';
import { DEMO_USERNAME } from '../src/demo/people.ts';
import { SKIP_REASON, checkPage, chromiumMissing, useDemo } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

/* Professional profiles on the demo organisation: endorse a skill, follow a person, edit the profile form — no script needed, accessible. */
describe.skipIf(chromiumMissing)(`professional profiles in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const demo = useDemo();

  it('endorses a skill, follows a person, lists followers and saves the profile form with a skill and a privacy choice', async () => {
    const cp = await demo.openSignedIn();
    const { page } = cp;

    await page.goto('/u/meilin');
    expect(await page.locator('main').innerText()).toContain('Data engineer');
    await checkPage(cp, 'profiles-profile-signed-in');
    await Promise.all([page.waitForURL(/\/u\/meilin/), page.getByRole('button', { name: 'Endorse Streaming' }).click()]);
    expect(await page.getByRole('button', { name: 'Withdraw endorsement of Streaming' }).count()).toBe(1);
    await Promise.all([page.waitForURL(/\/u\/meilin/), page.getByRole('button', { name: 'Follow Mei Lin' }).click()]);
    expect(await page.getByRole('button', { name: 'Unfollow Mei Lin' }).count()).toBe(1);

    await page.goto('/u/meilin/followers');
    expect(await page.locator('main').innerText()).toContain('Demo Admin');
    await checkPage(cp, 'profiles-followers');

    await page.goto('/settings');
    await checkPage(cp, 'profiles-settings');
    await page.fill('#f-headline', 'Keeps Guildhall running');
    await page.fill('#f-skills', 'Accessibility | practising\nKubernetes | learning');
    await page.selectOption('#f-privacy_location', 'only_me');
    await Promise.all([page.waitForURL(/\/settings$/), page.getByRole('button', { name: 'Save profile' }).click()]);
    await page.goto(`/u/${DEMO_USERNAME}`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Keeps Guildhall running');
    expect(main).toContain('Kubernetes');
    expect(main).toContain('Remote');
    await cp.context.close();

    const anon = await demo.open();
    await anon.page.goto(`/u/${DEMO_USERNAME}`);
    expect(await anon.page.locator('main').innerText()).not.toContain('Remote');
    await checkPage(anon, 'profiles-profile-anonymous');
    await anon.context.close();
  });
});
