import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMember, makeCommunity } from '../test/helpers/factories.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

const TITLE = 'Why does my sourdough starter smell like nail polish?';
const QUESTION = [
  'I feed it **once a day** with rye flour, and after two days it smells of acetone.',
  '',
  'My feeding schedule, as I log it:',
  '',
  '```python',
  'def feed(starter, flour_g=50, water_g=50):',
  '    # equal weights: 100% hydration',
  '    return starter + flour_g + water_g',
  '```',
  '',
  '| Day | Smell |',
  '|-----|:-----:|',
  '| 1 | yeasty |',
  '| 2 | acetone |',
].join('\n');
const ANSWER = 'It is **hungry**: acetone means the yeast ran out of food. Feed it twice a day, and keep it at `24 °C`.\n\n> A hungry starter is a loud starter.';

describe.skipIf(chromiumMissing)(`a question asked, answered and solved in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 180_000 }, () => {
  const journey = useJourney();
  const member = (username: string, displayName: string) => journey.member(username, displayName);

  const mainText = (page: Page) => page.locator('main').innerText();
  const listTitles = async (page: Page, url: string) => {
    await page.goto(url);
    return page.locator('main .topic-list a.topic-title').allInnerTexts();
  };

  it('A asks with Markdown and a code block, B answers, A accepts; the topic shows as solved in the lists', async () => {
    const asker = await member('amara-asks', 'Amara Okafor');
    const helper = await member('bruno-bakes', 'Bruno Santos');
    const community = await makeCommunity(journey.server.t.deps.db, asker.id, { slug: 'sourdough', name: 'Sourdough Circle', domain_statement: 'Starters, crumb and crust.' });
    await addMember(journey.server.t.deps.db, community.id, helper.id);
    const a = asker.page;
    const b = helper.page;

    // A asks, previewing the Markdown first.
    await a.goto('/c/sourdough/t/new');
    await checkPage(asker, 'qa-topic-new');
    await a.check('#f-kind-question');
    await a.fill('[name="title"]', TITLE);
    await a.fill('[name="body"]', QUESTION);
    const previewButton = a.getByRole('button', { name: 'Preview' });
    await previewButton.click();
    await expect.poll(() => a.locator('.md-editor__preview .hljs-keyword').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await previewButton.getAttribute('aria-pressed')).toBe('true');
    expect(await a.locator('[name="body"]').isHidden()).toBe(true);
    expect(await a.locator('.md-editor__preview').getAttribute('aria-live')).toBe('polite');
    await checkPage(asker, 'qa-topic-new-preview');
    await a.getByRole('button', { name: 'Write' }).click();
    expect(await a.locator('[name="body"]').isVisible()).toBe(true);
    await Promise.all([a.waitForURL(/\/c\/sourdough\/t\/\d+$/), a.getByRole('button', { name: 'Start topic' }).click()]);
    const topicUrl = new URL(a.url()).pathname;

    expect(await a.locator('h1').innerText()).toContain(TITLE);
    expect(await a.locator('main pre.code code.language-python .hljs-keyword').count(), 'the code block is highlighted on the server').toBeGreaterThan(0);
    expect(await a.locator('main .table-wrap table').count(), 'the Markdown table is rendered').toBe(1);
    await checkPage(asker, 'qa-topic-question');
    expect(await listTitles(a, '/c/sourdough/topics?view=unanswered')).toContain(TITLE);
    await checkPage(asker, 'qa-list-unanswered');

    // B answers.
    await b.goto(topicUrl);
    await b.fill('#f-body', ANSWER);
    await Promise.all([b.waitForURL((u) => u.pathname === topicUrl), b.getByRole('button', { name: 'Post answer' }).click()]);
    await expect.poll(() => mainText(b)).toContain('acetone means the yeast ran out of food');
    await checkPage(helper, 'qa-topic-answered');
    expect(await listTitles(b, '/c/sourdough/topics?view=unanswered'), 'an answered question is not unanswered').not.toContain(TITLE);

    // A upvotes B's answer: vote.js counts it in place (the page is not loaded again), and it is kept.
    await a.goto(topicUrl);
    const vote = a.locator('li.post--answer [data-vote-post]');
    await a.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await vote.getByRole('button', { name: 'Upvote' }).click();
    await expect.poll(() => vote.locator('[data-vote-score]').innerText()).toBe('1');
    expect(await vote.getByRole('button', { name: 'Upvote' }).getAttribute('aria-pressed')).toBe('true');
    expect(await a.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'voted without loading the page').toBe(true);
    await a.reload();
    expect(await vote.locator('[data-vote-score]').innerText()).toBe('1');
    await checkPage(asker, 'qa-topic-voted');

    // A accepts B's answer.
    await a.goto(topicUrl);
    await Promise.all([a.waitForURL((u) => u.pathname === topicUrl), a.getByRole('button', { name: 'Accept this answer' }).click()]);
    await expect.poll(() => mainText(a)).toContain('Accepted answer');
    await checkPage(asker, 'qa-topic-accepted');
    const row = await journey.server.t.deps.db.selectFrom('topics').select(['accepted_post_id', 'answer_count']).where('title', '=', TITLE).executeTakeFirstOrThrow();
    expect(row.accepted_post_id).not.toBeNull();
    expect(row.answer_count).toBe(1);

    // The lists: solved in latest and solved, not in unanswered.
    await a.goto('/c/sourdough/topics');
    const item = a.locator('main .topic-list li', { hasText: TITLE });
    expect(await item.innerText()).toMatch(/solved/i);
    await checkPage(asker, 'qa-list-latest');
    expect(await listTitles(a, '/c/sourdough/topics?view=solved')).toContain(TITLE);
    await checkPage(asker, 'qa-list-solved');
    expect(await listTitles(a, '/c/sourdough/topics?view=unanswered')).not.toContain(TITLE);
    await checkPage(asker, 'qa-list-unanswered-after');

    // A was told about the answer and the acceptance happened; B was told A accepted it.
    for (const [cp, name, expected] of [[asker, 'qa-notifications-asker', /answer/i], [helper, 'qa-notifications-helper', /accept/i]] as const) {
      const res = await cp.page.goto('/notifications');
      if (res?.status() === 404) continue;
      expect(await mainText(cp.page)).toMatch(expected);
      await checkPage(cp, name);
    }

    // The opening post's revision history, if there is one to see.
    const opening = await journey.server.t.deps.db.selectFrom('posts').innerJoin('topics', 'topics.id', 'posts.topic_id').select('posts.id').where('topics.title', '=', TITLE).where('posts.kind', '=', 'opening').executeTakeFirstOrThrow();
    const revisions = await a.goto(`${topicUrl}/posts/${opening.id}/revisions`);
    if (revisions?.status() === 200) await checkPage(asker, 'qa-revisions');
  });
});
