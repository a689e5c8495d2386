import { describe, expect, it } from 'vitest';
import { makeCommunity } from '../test/helpers/factories.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

describe.skipIf(chromiumMissing)(`a member records a value story linked to a thread and sees it on the value matrix, in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 240_000 }, () => {
  const journey = useJourney();

  it('V finds no stories, records one from the form with a pasted thread link, then sees it in the matrix and the sponsor report', async () => {
    const v = await journey.member('vera-value', 'Vera Value');
    const db = journey.server.t.deps.db;
    const guild = await makeCommunity(db, v.id, { name: 'Bridge Builders', sponsor: 'Head of Engineering' });
    const now = new Date().toISOString();
    const topicId = Number((await db.insertInto('topics').values({ community_id: guild.id, author_id: v.id, kind: 'question', title: 'How do we damp footbridge sway?', reply_count: 0, last_posted_at: now, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
    await db.insertInto('posts').values({ topic_id: topicId, author_id: v.id, body: 'It sways when crowds cross.', created_at: now, updated_at: now, edited_at: null, deleted_at: null, deleted_by: null }).execute();

    await v.page.goto(`/c/${guild.slug}/value-stories`);
    expect(await v.page.locator('main').innerText()).toContain('No value stories yet');
    await checkPage(v, 'value-stories-empty');
    await Promise.all([v.page.waitForURL(/\/value-stories\/new$/), v.page.getByRole('link', { name: 'Record a value story' }).click()]);

    await v.page.getByLabel('Title').fill('Sway damped before opening day');
    await v.page.getByLabel('What happened in the community?').fill('I asked how to damp footbridge sway and got three worked answers.');
    await v.page.getByLabel('What did it give you?').fill('A tuned-mass damper method and a contact who had built one.');
    await v.page.getByLabel('Both').check();
    await v.page.getByLabel('What did you do differently because of it?').fill('We added a damper to the design instead of stiffening the deck.');
    await v.page.getByLabel('What difference did it make?').fill('Opening day passed with no sway complaints and a cheaper deck.');
    await v.page.getByLabel('Threads it came from').fill(`${journey.server.baseUrl}/c/${guild.slug}/t/${topicId}`);
    await checkPage(v, 'value-story-form');
    await Promise.all([v.page.waitForURL(/\/value-stories\/\d+$/), v.page.getByRole('button', { name: 'Save the story' }).click()]);
    const story = v.page.locator('main');
    expect(await v.page.locator('h1').innerText()).toBe('Sway damped before opening day');
    expect(await story.innerText()).toContain('Realized value');
    expect(await v.page.getByRole('link', { name: 'How do we damp footbridge sway?' }).getAttribute('href')).toBe(`/c/${guild.slug}/t/${topicId}`);
    await checkPage(v, 'value-story');

    await v.page.goto(`/c/${guild.slug}/health/value`);
    const matrix = v.page.locator('table.value-matrix');
    for (const cycle of ['Immediate value', 'Potential value', 'Applied value', 'Realized value']) {
      expect(await matrix.getByRole('row', { name: new RegExp(`^${cycle}`) }).getByRole('link', { name: 'Sway damped before opening day' }).count(), cycle).toBe(1);
    }
    expect(await matrix.getByRole('row', { name: /^Reframing value/ }).getByRole('link').count()).toBe(0);
    await checkPage(v, 'value-matrix');

    await v.page.goto(`/c/${guild.slug}/health/report`);
    expect(await v.page.locator('main').innerText()).toContain('Head of Engineering');
    expect(await v.page.locator('main').innerText()).toContain('Sway damped before opening day');
    await checkPage(v, 'value-report');
  });
});
