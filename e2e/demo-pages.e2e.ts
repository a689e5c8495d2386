import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../src/demo/people.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { checkPage, chromiumMissing, launchBrowser, openPage, SKIP_REASON, startApp } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

/*
 * Every main page, filled with the demo organisation's real-looking content (long names, many
 * members, threads with replies), checked for accessibility and layout, signed out and signed in.
 */
describe.skipIf(chromiumMissing)(`the demo organisation's pages in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startApp>>;
  let topicPath: string;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startApp()]);
    const r = await seedDemo(server.t.deps.db, { now: new Date() });
    expect(r.seeded).toBe(true);
    const topic = await server.t.deps.db.selectFrom('topics').select('id').where('title', 'like', 'How do we test focus order%').executeTakeFirstOrThrow();
    topicPath = `/c/accessibility-guild/t/${topic.id}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(page: Page, path: string, status = 200): Promise<string> {
    const res = await page.goto(path);
    expect(res?.status(), `GET ${path}`).toBe(status);
    return page.locator('main').innerText();
  }

  it('signed out: home, directory, a community, a question with replies, a profile, the people directory', async () => {
    const cp = await openPage(browser, server.baseUrl);
    const { page } = cp;
    expect(await visit(page, '/')).toContain('Accessibility Guild');
    await checkPage(cp, 'demo-home-anonymous');
    const directory = await visit(page, '/communities');
    expect(directory).toContain('Lisbon Makers');
    expect(directory).not.toContain('Incident Review Circle');
    await checkPage(cp, 'demo-directory-anonymous');
    expect(await visit(page, '/c/accessibility-guild')).toContain('How do we test focus order in modal dialogs?');
    await checkPage(cp, 'demo-community-anonymous');
    expect(await visit(page, topicPath)).toContain('focus returns to the button that opened it');
    await checkPage(cp, 'demo-topic-anonymous');
    expect(await visit(page, '/u/amara')).toContain('Amara Okafor');
    await checkPage(cp, 'demo-profile-anonymous');
    expect(await visit(page, '/members')).toContain('Mei Lin');
    await checkPage(cp, 'demo-people');
    expect(await visit(page, '/c/incident-review', 404)).not.toContain('checkout latency');
    await checkPage(cp, 'demo-private-404');
    await cp.context.close();
  });

  it('signed in as the demo admin: dashboard, invitation, steward tools, new topic, a reply, admin pages', async () => {
    const cp = await openPage(browser, server.baseUrl);
    const { page } = cp;
    await page.goto('/signin');
    await page.fill('[name="login"]', DEMO_USERNAME);
    await page.fill('[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/signin')), page.getByRole('button', { name: 'Sign in' }).click()]);

    expect(await visit(page, '/')).toContain('Accessibility Guild');
    await checkPage(cp, 'demo-dashboard');
    expect(await visit(page, '/c/incident-review')).toMatch(/invited/i);
    await checkPage(cp, 'demo-invited-private');
    expect(await visit(page, '/c/accessibility-guild/members')).toContain('Grace Mensah');
    await checkPage(cp, 'demo-members-steward');
    await visit(page, '/c/accessibility-guild/edit');
    await checkPage(cp, 'demo-community-edit');
    await visit(page, '/c/data-engineering/requests', 200);
    await checkPage(cp, 'demo-join-requests');
    await visit(page, '/c/accessibility-guild/t/new');
    await checkPage(cp, 'demo-topic-new');

    await visit(page, topicPath);
    await page.fill('#f-body', 'We added the zoom check to our release checklist as well. Thanks, Grace.');
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith(topicPath)), page.getByRole('button', { name: /post (reply|answer)/i }).click()]);
    expect(await page.locator('main').innerText()).toContain('We added the zoom check');
    await checkPage(cp, 'demo-topic-replied');

    for (const path of ['/admin', '/admin/users', '/admin/communities']) {
      await visit(page, path);
      await checkPage(cp, `demo${path.replace(/\//g, '-')}`);
    }
    await visit(page, '/settings/tokens');
    await checkPage(cp, 'demo-settings-tokens');
    await cp.context.close();
  });
});
