import { describe, expect, it } from 'vitest';
import { addMember, makeCommunity } from '../test/helpers/factories.ts';
import { answeredBefore } from '../src/people/routing/routing.fixtures.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

const TITLE = 'Why does my index not help this join on order lines?';

describe.skipIf(chromiumMissing)(`an expert invited to answer a question in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const journey = useJourney();

  it('the asker sees who could answer with the reasons, invites the expert, and the expert sees the invitation and declines it', async () => {
    const db = journey.server.t.deps.db;
    const asker = await journey.member('dana-asks', 'Dana Reyes');
    const expert = await journey.member('eve-knows-sql', 'Eve Lindqvist');
    const community = await makeCommunity(db, asker.id, { slug: 'sql-circle', name: 'SQL Circle', domain_statement: 'Queries, plans and indexes.' });
    await addMember(db, community.id, expert.id);
    await answeredBefore(db, community.id, asker.id, expert.id, ['sql'], { accepted: true });
    await answeredBefore(db, community.id, asker.id, expert.id, ['sql', 'indexes'], { accepted: true });

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

    // Invite to answer (a plain form post), back on the question with a flash.
    await Promise.all([a.waitForURL((u) => u.pathname === topicUrl), box.getByRole('button', { name: 'Invite to answer' }).first().click()]);
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

    // The asker's invite-by-name page.
    await a.goto(`${topicUrl}/invite`);
    await checkPage(asker, 'routing-invite-page');
  });
});
