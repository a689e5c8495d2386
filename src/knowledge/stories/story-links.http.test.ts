import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { pageFindings } from '../../../test/helpers/html-safety.ts';
import { apiDelete, makeQuestion } from '../../discussions/answers/answers.fixtures.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../articles/articles.fixtures.ts';
import { storyCounts } from './stories.fixtures.ts';

const story = { context: 'c', challenge: 'ch', actions: 'a', outcome: 'o', lesson: 'l' };

describeEachDialect('story links: related threads and articles', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, who?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const writeStory = (slug: string, title = 'The flood in the cellar') => writeArticleVia(t, w.as.member, slug, { type: 'story', body: undefined, story, title });
  const link = (storyId: number, targetType: string, targetId: number, who = w.as.member) => api(t, 'POST', `/api/v1/articles/${storyId}/story-links`, { targetType, targetId }, who);

  it('links a story to a thread and an article of its community, shown on the story and as "Stories about this" on both', async () => {
    const s = await writeStory(w.pub.slug);
    const { topicId } = await makeQuestion(t.deps.db, w.pub.id, w.other.id, { kind: 'discussion', title: 'Cellar drainage ideas' });
    const howTo = await writeArticleVia(t, w.as.other, w.pub.slug, { title: 'Install a sump pump' });
    const toTopic = await link(s.id, 'topic', topicId);
    expect(toTopic.statusCode).toBe(201);
    expect(toTopic.json()).toMatchObject({ targetType: 'topic', targetId: topicId, title: 'Cellar drainage ideas', url: `/c/${w.pub.slug}/t/${topicId}` });
    expect((await link(s.id, 'article', howTo.id)).statusCode).toBe(201);

    const list = (await api(t, 'GET', `/api/v1/articles/${s.id}/story-links`)).json().items;
    expect(list.map((l: { title: string }) => l.title)).toEqual(['Cellar drainage ideas', 'Install a sump pump']);
    const storyPage = (await get(`/c/${w.pub.slug}/a/${s.id}`, w.as.member)).body;
    expect(storyPage).toContain('Related threads and articles');
    expect(storyPage).toContain(`<a href="/c/${w.pub.slug}/t/${topicId}">Cellar drainage ideas</a>`);
    expect(storyPage).toContain(`action="/c/${w.pub.slug}/a/${s.id}/story-links"`);
    expect(pageFindings(storyPage)).toEqual([]);
    expect((await get(`/c/${w.pub.slug}/a/${s.id}`)).body).not.toContain('/story-links"');

    const topicPage = (await get(`/c/${w.pub.slug}/t/${topicId}`)).body;
    expect(topicPage).toContain('Stories about this');
    expect(pageFindings(topicPage)).toEqual([]);
    expect(topicPage).toContain(`<a href="/c/${w.pub.slug}/a/${s.id}">The flood in the cellar</a>`);
    const articlePage = (await get(`/c/${w.pub.slug}/a/${howTo.id}`)).body;
    expect(articlePage).toContain('Stories about this');
    expect(articlePage).toContain(`href="/c/${w.pub.slug}/a/${s.id}"`);
    expect((await api(t, 'GET', `/api/v1/topics/${topicId}/stories`)).json().items).toEqual([{ id: s.id, title: 'The flood in the cellar', url: `/c/${w.pub.slug}/a/${s.id}` }]);
    expect((await api(t, 'GET', `/api/v1/articles/${howTo.id}/stories`)).json().items).toHaveLength(1);
  });

  it('refuses targets outside the story’s community, missing ones, the story itself and duplicates, writing nothing', async () => {
    const s = await writeStory(w.pub.slug, 'Cross-community attempt');
    const privTopic = await makeQuestion(t.deps.db, w.priv.id, w.member.id, { kind: 'discussion', title: 'Private cellar thread' });
    const privArticle = await writeArticleVia(t, w.as.member, w.priv.slug, { title: 'Private pump article' });
    const { topicId } = await makeQuestion(t.deps.db, w.pub.id, w.other.id, { kind: 'discussion', title: 'Linked once' });
    expect((await link(s.id, 'topic', topicId)).statusCode).toBe(201);
    const before = await storyCounts(t.deps.db);
    const cases: Array<[string, number, number, string]> = [
      ['topic', privTopic.topicId, 400, 'targetId'],
      ['article', privArticle.id, 400, 'targetId'],
      ['topic', 999999, 400, 'targetId'],
      ['article', s.id, 400, 'targetId'],
      ['topic', topicId, 409, 'targetId'],
      ['post', topicId, 400, 'targetType'],
    ];
    for (const [type, id, status, field] of cases) {
      const res = await link(s.id, type, id);
      expect(res.statusCode, `${type} ${id}`).toBe(status);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
      expect(res.body).not.toContain('Private');
    }
    const form = await postForm(t, `/c/${w.pub.slug}/a/${s.id}/story-links`, { targetType: 'article', targetId: String(privArticle.id) }, w.as.member);
    expect(form.statusCode).toBe(400);
    expect(form.body).not.toContain('Private pump article');
    expect((await postForm(t, `/c/${w.pub.slug}/a/${s.id}/story-links`, { targetType: 'topic', targetId: 'abc' }, w.as.member)).statusCode).toBe(400);
    expect(await storyCounts(t.deps.db)).toEqual(before);
  });

  it('has no links on an article that is not a story (404), and only editors may link (403)', async () => {
    const howTo = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Plain how-to' });
    const { topicId } = await makeQuestion(t.deps.db, w.pub.id, w.other.id, { kind: 'discussion', title: 'Some thread' });
    expect((await api(t, 'GET', `/api/v1/articles/${howTo.id}/story-links`)).statusCode).toBe(404);
    expect((await link(howTo.id, 'topic', topicId)).statusCode).toBe(404);
    const s = await writeStory(w.pub.slug, 'Owned by member');
    expect((await link(s.id, 'topic', topicId, w.as.other)).statusCode).toBe(403);
    expect((await link(s.id, 'topic', topicId, w.as.outsider)).statusCode).toBe(403);
    expect((await link(s.id, 'topic', topicId, w.as.steward)).statusCode).toBe(201);
  });

  it('adds and removes links with the page forms, and removes with DELETE', async () => {
    const s = await writeStory(w.pub.slug, 'Form-linked story');
    const { topicId } = await makeQuestion(t.deps.db, w.pub.id, w.other.id, { kind: 'discussion', title: 'Form target' });
    const add = await postForm(t, `/c/${w.pub.slug}/a/${s.id}/story-links`, { targetType: 'topic', targetId: String(topicId) }, w.as.member);
    expect(add.statusCode).toBe(303);
    expect(add.headers.location).toBe(`/c/${w.pub.slug}/a/${s.id}`);
    const [l] = (await api(t, 'GET', `/api/v1/articles/${s.id}/story-links`)).json().items;
    expect(l.targetId).toBe(topicId);
    const remove = await postForm(t, `/c/${w.pub.slug}/a/${s.id}/story-links/${l.id}/remove`, {}, w.as.member);
    expect(remove.statusCode).toBe(303);
    expect((await api(t, 'GET', `/api/v1/articles/${s.id}/story-links`)).json().items).toEqual([]);
    const again = (await link(s.id, 'topic', topicId)).json();
    expect((await apiDelete(t, `/api/v1/articles/${s.id}/story-links/${again.id}`, w.as.other)).statusCode).toBe(403);
    expect((await apiDelete(t, `/api/v1/articles/${s.id}/story-links/${again.id}`, w.as.member)).statusCode).toBe(204);
    expect((await apiDelete(t, `/api/v1/articles/${s.id}/story-links/${again.id}`, w.as.member)).statusCode).toBe(404);
    const activity = await t.deps.db.selectFrom('activity').select('verb').where('subject_type', '=', 'article').where('subject_id', '=', s.id).orderBy('id').execute();
    expect(activity.map((r) => r.verb).filter((v) => v.startsWith('story.'))).toEqual(['story.linked', 'story.unlinked', 'story.linked', 'story.unlinked']);
  });

  it('keeps a private story and its links from non-members (404)', async () => {
    const s = await writeStory(w.priv.slug, 'Private flood story');
    const { topicId } = await makeQuestion(t.deps.db, w.priv.id, w.member.id, { kind: 'discussion', title: 'Private flood thread' });
    expect((await link(s.id, 'topic', topicId)).statusCode).toBe(201);
    for (const url of [`/api/v1/articles/${s.id}/story-links`, `/api/v1/topics/${topicId}/stories`]) {
      const res = await api(t, 'GET', url, undefined, w.as.outsider);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('flood');
    }
    expect((await link(s.id, 'topic', topicId, w.as.outsider)).statusCode).toBe(404);
  });
});
