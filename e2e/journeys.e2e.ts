import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCommunity, makeUser } from '../test/helpers/factories.ts';
import { checkPage, chromiumMissing, launchBrowser, openPage, SKIP_REASON, startApp } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

describe.skipIf(chromiumMissing)(`a member's main journeys in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a visitor signs up, creates a community with the form, and lands on its home page', async () => {
    const cp = await openPage(browser, server.baseUrl);
    const { page } = cp;
    await page.goto('/');
    await checkPage(cp, 'home-anonymous');

    await page.goto('/signup');
    await checkPage(cp, 'signup');
    await page.fill('[name="username"]', 'rosa');
    await page.fill('[name="displayName"]', 'Rosa Delgado');
    await page.fill('[name="email"]', 'rosa@example.test');
    await page.fill('[name="password"]', 'a sturdy passphrase for rosa');
    await Promise.all([page.waitForURL('**/settings'), page.getByRole('button', { name: 'Create account' }).click()]);

    await page.goto('/communities/new');
    await checkPage(cp, 'community-new');
    await page.fill('[name="name"]', 'Ceramics Circle');
    await page.fill('[name="slug"]', 'ceramics-circle');
    await page.fill('[name="domainStatement"]', 'We throw, glaze and fire pots, and help each other get better at it.');
    await page.fill('[name="description"]', 'Meets on Tuesday evenings in the studio. Beginners very welcome.');
    await page.fill('[name="tags"]', 'ceramics, glazing');
    await page.check('input[name="locality"][value="local"]');
    await page.fill('[name="location"]', 'Valencia, Spain');
    await Promise.all([page.waitForURL('**/c/ceramics-circle'), page.getByRole('button', { name: 'Create community' }).click()]);

    await expect.poll(() => page.locator('h1').innerText()).toContain('Ceramics Circle');
    const body = await page.locator('main').innerText();
    expect(body).toContain('We throw, glaze and fire pots');
    expect(body).toMatch(/steward/i);
    await checkPage(cp, 'community-home-steward');

    const row = await server.t.deps.db.selectFrom('communities').selectAll().where('slug', '=', 'ceramics-circle').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ locality: 'local', location: 'Valencia, Spain', member_count: 1 });
    await cp.context.close();
  });

  it('a signed-in member joins an open community someone else made', async () => {
    const db = server.t.deps.db;
    const owner = await makeUser(db, { username: 'owner-e2e', display_name: 'Olu Owner' });
    const community = await makeCommunity(db, owner.id, { slug: 'bread-bakers', name: 'Bread Bakers', domain_statement: 'Sourdough, starters and oven spring.', join_policy: 'open' });
    const cp = await openPage(browser, server.baseUrl);
    const { page } = cp;
    await signIn(page, 'joiner-e2e');

    await page.goto('/communities');
    await checkPage(cp, 'directory');
    await page.getByRole('link', { name: 'Bread Bakers' }).first().click();
    await page.waitForURL('**/c/bread-bakers');
    await checkPage(cp, 'community-home-visitor');
    await Promise.all([page.waitForURL('**/c/bread-bakers'), page.getByRole('button', { name: 'Join community' }).click()]);

    await expect.poll(() => page.locator('main').innerText()).toMatch(/You are a member of this community/);
    expect(await page.getByRole('button', { name: 'Leave community' }).count()).toBe(1);
    await checkPage(cp, 'community-home-member');
    const after = await db.selectFrom('communities').select('member_count').where('id', '=', community.id).executeTakeFirstOrThrow();
    expect(after.member_count).toBe(2);

    await page.goto('/c/bread-bakers/members');
    expect(await page.locator('main').innerText()).toContain('Joiner E2e');
    await checkPage(cp, 'community-members');
    await cp.context.close();
  });

  it('a member edits their profile in /settings and sees it on /u/:username', async () => {
    const cp = await openPage(browser, server.baseUrl);
    const { page } = cp;
    await signIn(page, 'profile-e2e');

    await page.goto('/settings');
    await checkPage(cp, 'settings');
    await page.fill('[name="displayName"]', 'Priya Raman');
    await page.fill('[name="bio"]', 'Bookbinder and letterpress printer. Happy to show anyone how to sew a signature.');
    await page.fill('[name="discipline"]', 'Book arts');
    await page.fill('[name="location"]', 'Porto, Portugal');
    await page.selectOption('[name="timeZone"]', 'Europe/Lisbon');
    await Promise.all([page.waitForURL('**/settings'), page.getByRole('button', { name: 'Save profile' }).click()]);
    expect(await page.locator('main').innerText()).toContain('Your profile is saved');

    await page.goto('/u/profile-e2e');
    const profile = await page.locator('main').innerText();
    for (const text of ['Priya Raman', 'Bookbinder and letterpress printer', 'Book arts', 'Porto, Portugal', 'Europe/Lisbon']) expect(profile).toContain(text);
    await checkPage(cp, 'profile');
    await cp.context.close();
  });

  /** Makes an account with a factory (fast) and signs in through the real form. */
  async function signIn(page: import('playwright-core').Page, username: string): Promise<void> {
    const displayName = username.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    await makeUser(server.t.deps.db, { username, display_name: displayName });
    await page.goto('/signin');
    await page.fill('[name="login"]', username);
    await page.fill('[name="password"]', 'correct horse battery staple');
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), page.getByRole('button', { name: 'Sign in' }).click()]);
  }
});
