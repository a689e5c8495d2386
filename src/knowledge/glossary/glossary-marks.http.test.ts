import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, anonymousBrowser, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { elementsOf } from '../../../test/helpers/html-safety.ts';
import { topicVia } from '../../discussions/moderation/moderation.fixtures.ts';
import { writeArticleVia } from '../articles/articles.fixtures.ts';
import { makeTerm } from './glossary.fixtures.ts';

/** The glossary hints on a page: each marked term's link text, its href and its tooltip's text. */
function hints(html: string): Array<{ text: string; href: string; tip: string }> {
  const els = elementsOf(html);
  return els
    .filter((e) => e.tag === 'a' && e.attr('class') === 'gloss__term')
    .map((a) => {
      const tip = els.find((e) => e.attr('id') === a.attr('aria-describedby'));
      return { text: a.text, href: a.attr('href') ?? '', tip: tip?.attr('role') === 'tooltip' ? tip.text : '' };
    });
}

describeEachDialect('glossary hints in posts and articles', (dialect) => {
  let t: TestApp;
  let slug: string;
  let otherSlug: string;
  let member: Browser;
  let retroId: number;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const s = await makeUser(db);
    const c = await makeCommunity(db, s.id);
    const other = await makeCommunity(db, s.id);
    slug = c.slug;
    otherSlug = other.slug;
    retroId = await makeTerm(db, c.id, s.id, 'Retro', ['retrospective'], 'A **look back** at a sprint.');
    // A term of ANOTHER community must never mark this community's content.
    await makeTerm(db, other.id, s.id, 'Standup', [], 'A short daily meeting.');
    member = await signInAs(t, s.id);
    const m = await makeUser(db);
    await addMember(db, c.id, m.id);
  });
  afterAll(async () => t.close());

  it('marks the first use of a term in each post of a topic, linked to the glossary and explained', async () => {
    const id = await topicVia(t, member, slug, { title: 'How did the sprint go', body: 'The retrospective was useful. The retro again.\n\nOur standup too.' });
    await api(t, 'POST', `/api/v1/topics/${id}/posts`, { body: 'I missed the `retro` but read the Retro notes.' }, member);
    const page = await t.app.inject({ method: 'GET', url: `/c/${slug}/t/${id}` });
    expect(page.statusCode).toBe(200);
    expect(hints(page.body)).toEqual([
      { text: 'retrospective', href: `/c/${slug}/glossary/${retroId}`, tip: 'Retro: A look back at a sprint.' },
      { text: 'Retro', href: `/c/${slug}/glossary/${retroId}`, tip: 'Retro: A look back at a sprint.' },
    ]);
  });

  it('marks terms in an article body, for anonymous readers of a public community too', async () => {
    const a = await writeArticleVia(t, member, slug, { title: 'Running a retro', body: 'Start every retro with the goal.' });
    const page = await t.app.inject({ method: 'GET', url: `/c/${slug}/a/${a.id}`, headers: { cookie: anonymousBrowser().cookie } });
    expect(page.statusCode).toBe(200);
    expect(hints(page.body)).toEqual([{ text: 'retro', href: `/c/${slug}/glossary/${retroId}`, tip: 'Retro: A look back at a sprint.' }]);
  });

  it("uses only the page's own community's glossary", async () => {
    const id = await topicVia(t, member, otherSlug, { title: 'Standups and retros', body: 'Our standup and our retro.' });
    const page = await t.app.inject({ method: 'GET', url: `/c/${otherSlug}/t/${id}` });
    expect(hints(page.body).map((h) => h.text)).toEqual(['standup']);
  });

  it('leaves the stored HTML and the API unchanged', async () => {
    const id = await topicVia(t, member, slug, { title: 'API body', body: 'A retro.' });
    const res = await api(t, 'GET', `/api/v1/topics/${id}/posts`, undefined, member);
    expect(res.body).not.toContain('gloss__term');
    const stored = await t.deps.db.selectFrom('posts').select('body_html').where('topic_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.body_html).not.toContain('gloss');
  });
});
