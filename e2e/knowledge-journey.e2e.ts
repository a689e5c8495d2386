import { describe, expect, it } from 'vitest';
import { api, signInAs } from '../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../test/helpers/factories.ts';
import { checkPage, chromiumMissing, SKIP_REASON, useJourney } from './harness.ts';

// Skipped, and says so, when Debian's chromium is not installed (see harness.ts).
if (chromiumMissing) process.stdout.write(`\n⚠ ${SKIP_REASON}\n`);

const QUESTION = 'How long should bulk fermentation take at 24 °C?';

describe.skipIf(chromiumMissing)(`a solved thread becomes an endorsed article in Chromium${chromiumMissing ? ' (SKIPPED: no chromium)' : ''}`, { timeout: 240_000 }, () => {
  const journey = useJourney();
  const signedIn = (username: string) => journey.signedIn(username);

  it('B promotes a solved thread, edits the draft and proposes it; steward S endorses it; the glossary hint explains a term', async () => {
    const { t } = journey.server;
    const db = t.deps.db;
    const steward = await makeUser(db, { username: 'sara-steward', display_name: 'Sara Steward' });
    const asker = await makeUser(db, { username: 'asha-asks', display_name: 'Asha Asks' });
    const baker = await makeUser(db, { username: 'bruno-bakes', display_name: 'Bruno Bakes' });
    const c = await makeCommunity(db, steward.id, { slug: 'bread', name: 'Bread Guild', domain_statement: 'Dough, crumb and crust.' });
    await addMember(db, c.id, asker.id);
    await addMember(db, c.id, baker.id);
    const [as, ab, ass] = await Promise.all([signInAs(t, asker.id), signInAs(t, baker.id), signInAs(t, steward.id)]);
    // The thread and the glossary term, through the real API.
    const q = await api(t, 'POST', '/api/v1/communities/bread/topics', { kind: 'question', title: QUESTION, body: 'My dough never seems ready. **How long** is right?', tags: ['fermentation'] }, as);
    expect(q.statusCode, q.body).toBe(201);
    const topicId = (q.json() as { id: number }).id;
    const answer = await api(t, 'POST', `/api/v1/topics/${topicId}/posts`, { body: 'About **4 to 5 hours**; judge by a 50% rise, not the clock.' }, ab);
    expect(answer.statusCode, answer.body).toBe(201);
    expect((await api(t, 'PUT', `/api/v1/topics/${topicId}/accepted`, { postId: (answer.json() as { id: number }).id }, as)).statusCode).toBe(200);
    expect((await api(t, 'POST', '/api/v1/communities/bread/glossary', { term: 'Bulk fermentation', synonyms: ['bulk'], definition: 'The first rise of the whole dough, before it is divided and shaped.' }, ass)).statusCode).toBe(201);

    // B promotes the solved thread to a draft article.
    const b = await signedIn('bruno-bakes');
    await b.page.goto(`/c/bread/t/${topicId}`);
    await Promise.all([b.page.waitForURL(/\/promote$/), b.page.getByRole('link', { name: 'Promote to article' }).click()]);
    expect(await b.page.locator('[name="body"]').inputValue()).toContain('4 to 5 hours');
    await checkPage(b, 'knowledge-promote-form');
    await Promise.all([b.page.waitForURL(/\/c\/bread\/a\/\d+$/), b.page.getByRole('button', { name: 'Save draft' }).click()]);
    const articleUrl = new URL(b.page.url()).pathname;
    const main = b.page.locator('main');
    expect(await main.innerText()).toMatch(/Contributors[\s\S]*Asha Asks[\s\S]*Bruno Bakes|Contributors[\s\S]*Bruno Bakes[\s\S]*Asha Asks/);
    expect(await main.getByRole('link', { name: QUESTION }).count(), 'the article links back to its thread').toBeGreaterThan(0);
    await checkPage(b, 'knowledge-article-draft');

    // B edits it: the body now uses a glossary term.
    await b.page.getByRole('link', { name: 'Edit', exact: true }).click();
    await b.page.waitForURL(/\/edit$/);
    const body = b.page.locator('[name="body"]');
    await body.fill(`${await body.inputValue()}\n\nIn short: let the bulk fermentation run until the dough has risen by half.`);
    await b.page.fill('[name="reason"]', 'Added a summary');
    await checkPage(b, 'knowledge-article-edit');
    await Promise.all([b.page.waitForURL((u) => u.pathname === articleUrl), b.page.getByRole('button', { name: 'Save changes' }).click()]);
    expect(await main.innerText()).toContain('risen by half');

    // The glossary hint: a link to the term, explained on keyboard focus and on hover.
    const term = main.locator('.prose a.gloss__term', { hasText: 'bulk fermentation' });
    await expect.poll(() => term.count()).toBe(1);
    const tip = b.page.locator(`#${await term.getAttribute('aria-describedby')}`);
    expect(await tip.isVisible()).toBe(false);
    await term.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain('The first rise of the whole dough');
    await checkPage(b, 'knowledge-glossary-hint-focus');
    await term.evaluate((el) => (el as HTMLElement).blur());
    await main.locator('h1').hover();
    expect(await tip.isVisible()).toBe(false);
    await term.hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await term.getAttribute('href')).toMatch(/^\/c\/bread\/glossary\/\d+$/);

    // B proposes it for endorsement.
    await Promise.all([b.page.waitForURL((u) => u.pathname === articleUrl), b.page.getByRole('button', { name: 'Propose for endorsement' }).click()]);
    expect(await main.locator('.article-state').first().innerText()).toMatch(/proposed/i);

    // S, a steward, endorses it; the history says who and why.
    const s = await signedIn('sara-steward');
    await s.page.goto(articleUrl);
    await s.page.fill('#lc-endorse-note', 'Matches what we teach in the class.');
    await Promise.all([s.page.waitForURL((u) => u.pathname === articleUrl), s.page.getByRole('button', { name: 'Endorse', exact: true }).click()]);
    const sMain = await s.page.locator('main').innerText();
    expect(await s.page.locator('main .article-state').first().innerText()).toMatch(/endorsed/i);
    expect(sMain).toContain('Sara Steward');
    const row = await db.selectFrom('articles').select(['state', 'revision']).where('id', '=', Number(articleUrl.split('/').pop())).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'endorsed', revision: 2 });
    await checkPage(s, 'knowledge-article-endorsed');

    // The thread says where its knowledge was captured.
    await s.page.goto(`/c/bread/t/${topicId}`);
    expect(await s.page.locator('main').innerText()).toContain('Captured in');
    await checkPage(s, 'knowledge-topic-captured');

    // The community's knowledge pages, as the steward sees them.
    for (const [path, name] of [
      ['/c/bread', 'knowledge-community-home'],
      ['/c/bread/articles', 'knowledge-articles'],
      ['/c/bread/stories', 'knowledge-stories'],
      ['/c/bread/stories/new', 'knowledge-story-new'],
      ['/c/bread/glossary', 'knowledge-glossary'],
      ['/c/bread/collections', 'knowledge-collections'],
      ['/c/bread/collections/new', 'knowledge-collection-new'],
      ['/c/bread/files', 'knowledge-files'],
      ['/c/bread/knowledge/export', 'knowledge-export'],
      ['/c/bread/knowledge/import', 'knowledge-import'],
      ['/c/bread/settings/knowledge', 'knowledge-settings'],
      [`${articleUrl}/revisions`, 'knowledge-article-history'],
    ] as const) {
      const res = await s.page.goto(path);
      expect(res?.status(), path).toBe(200);
      await checkPage(s, name);
    }
  });
});
