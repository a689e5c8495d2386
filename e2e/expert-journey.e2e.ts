import { describe, expect, it } from 'vitest';
import { addMember, makeCommunity } from '../test/helpers/factories.ts';
import { replaceSkills } from '../src/people/profiles/skills.store.ts';
import { answeredBefore } from '../src/people/routing/routing.fixtures.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

const TITLE = 'Why does my index not help this join on order lines?';

describe.skipIf(chromiumMissing)(`an expert invited to answer a question in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const journey = useJourney();

  it('the asker finds an expert by skill, invites them by name (and sees them suggested with reasons); the expert sees the invitation and declines it', async () => {
    const db = journey.server.t.deps.db;
    const asker = await journey.member('dana-asks', 'Dana Reyes');
    const expert = await journey.member('eve-knows-sql', 'Eve Lindqvist');
    const community = await makeCommunity(db, asker.id, { slug: 'sql-circle', name: 'SQL Circle', domain_statement: 'Queries, plans and indexes.' });
    await addMember(db, community.id, expert.id);
    await answeredBefore(db, community.id, asker.id, expert.id, ['sql'], { accepted: true });
    await answeredBefore(db, community.id, asker.id, expert.id, ['sql', 'indexes'], { accepted: true });
    await replaceSkills(db, expert.id, [{ skill: 'SQL', skillKey: 'sql', level: 'expert' }], new Date().toISOString());

    // The asker asks a #sql question; the box suggests Eve with her record.
    const a = asker.page;
    await a.goto('/c/sql-circle/t/new');
    await a.check('#f-kind-question');
    await a.fill('[name="title"]', TITLE);
    await a.fill('[name="body"]', 'The plan still shows a sequential scan on `order_lines` after I added the index.');
    await a.fill('[name="tags"]', 'sql');
    await Promise.all([a.waitForURL(/\/c\/sql-circle\/t\/\d+$/), a.getByRole('button', { name: 'Start topic' }).click()]);
    const topicUrl = new URL(a.url()).pathname;
    const box = a.locator('details', { hasText: 'Who could answer this?' });
    expect(await box.innerText()).toContain('Eve Lindqvist');
    expect(await box.innerText()).toContain('2 accepted answers in #sql');
    await checkPage(asker, 'routing-topic-suggestions');

    // The asker looks for someone who knows SQL on the expert finder, and opens the profile found.
    await a.goto('/experts');
    await a.fill('[name="skill"]', 'sql');
    await Promise.all([a.waitForURL(/\/experts\?/), a.getByRole('button', { name: 'Find' }).click()]);
    const found = a.locator('main ul[aria-label="Experts"] li.person-card', { hasText: 'Eve Lindqvist' });
    expect(await found.count()).toBe(1);
    await checkPage(asker, 'routing-finder-sql');
    await Promise.all([a.waitForURL(/\/u\/[^/]+$/), found.getByRole('link', { name: 'Eve Lindqvist' }).click()]);
    const username = decodeURIComponent(new URL(a.url()).pathname.split('/').pop() ?? '');
    expect(username).toBe('eve-knows-sql');

    // Back on the question: invite by name (a plain form post), back on the question with a flash.
    await a.goto(topicUrl);
    await Promise.all([a.waitForURL((u) => u.pathname === `${topicUrl}/invite`), a.getByRole('link', { name: 'Invite someone by name' }).click()]);
    await checkPage(asker, 'routing-invite-page');
    await a.fill('[name="username"]', username);
    await Promise.all([a.waitForURL((u) => u.pathname === topicUrl), a.locator('main form[aria-label="Invite by username"]').getByRole('button', { name: 'Invite to answer' }).click()]);
    expect(await a.locator('.flash').innerText()).toContain('Eve Lindqvist is invited to answer.');
    expect(await a.locator('details', { hasText: 'Who could answer this?' }).innerText()).toContain('invited');

    // Eve finds it in her invitations and on the question, and declines.
    const e = expert.page;
    await e.goto('/me/answer-invitations');
    expect(await e.locator('main').innerText()).toContain(TITLE);
    await checkPage(expert, 'routing-my-invitations');
    await e.goto(topicUrl);
    expect(await e.locator('main').innerText()).toContain('You were invited to answer this question.');
    await Promise.all([e.waitForURL((u) => u.pathname === '/me/answer-invitations'), e.getByRole('button', { name: 'Decline' }).click()]);
    expect(await e.locator('main').innerText()).toContain('No open invitations');
    await checkPage(expert, 'routing-invitations-empty');
  });
});
