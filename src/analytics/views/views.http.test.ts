import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { makeQuestion } from '../../discussions/answers/answers.fixtures.ts';
import { makeArticle } from '../../people/expertise/expertise.fixtures.ts';
import { settleViews } from './views.service.ts';

describeEachDialect('views from the topic and article pages', (dialect) => {
  let t: TestApp;
  let reader: Browser;
  let slug: string;
  let topicId: number;
  let articleId: number;
  const clock = fakeClock(new Date('2026-11-26T09:00:00Z'));
  const open = async (url: string, b?: Omit<Browser, 'userId'>) => {
    const res = await t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
    await settleViews(t.deps.db);
    return res;
  };
  const viewActivity = () => t.deps.db.selectFrom('activity').select(['actor_id', 'verb', 'subject_id']).where('verb', 'in', ['topic.viewed', 'article.viewed']).orderBy('id').execute();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    const author = await makeUser(t.deps.db, { display_name: 'Ann Author' });
    const u = await makeUser(t.deps.db, { display_name: 'Rae Reader' });
    const c = await makeCommunity(t.deps.db, author.id, { name: 'Reading Room' });
    await addMember(t.deps.db, c.id, u.id);
    slug = c.slug;
    topicId = Number((await makeQuestion(t.deps.db, c.id, author.id, { title: 'Which glue for oak?' })).topicId);
    articleId = Number(await makeArticle(t.deps.db, c.id, author.id, { state: 'draft', tags: [], title: 'Gluing oak' }));
    reader = await signInAs(t, u.id);
  });
  afterAll(async () => t.close());

  it('counts a signed-in reader’s topic and article views once a day, and never an anonymous reader’s', async () => {
    expect((await open(`/c/${slug}/t/${topicId}`, reader)).statusCode).toBe(200);
    expect((await open(`/c/${slug}/t/${topicId}`, reader)).statusCode).toBe(200);
    expect((await open(`/c/${slug}/a/${articleId}`, reader)).statusCode).toBe(200);
    expect((await open(`/c/${slug}/t/${topicId}`, anonymousBrowser())).statusCode).toBe(200);
    expect((await open(`/c/${slug}/a/${articleId}`)).statusCode).toBe(200);
    expect(await viewActivity()).toEqual([
      { actor_id: reader.userId, verb: 'topic.viewed', subject_id: topicId },
      { actor_id: reader.userId, verb: 'article.viewed', subject_id: articleId },
    ]);
    clock.set(new Date('2026-11-27T09:00:00Z'));
    await open(`/c/${slug}/a/${articleId}`, reader);
    expect((await viewActivity()).map((r) => r.verb)).toEqual(['topic.viewed', 'article.viewed', 'article.viewed']);
  });

  it('shows the views on the knowledge health page as reuse of the article', async () => {
    const k = (await api(t, 'GET', `/api/v1/communities/${slug}/health/knowledge?months=1`, undefined, reader)).json() as { monthly: Array<{ views: number }>; mostReused: Array<{ title: string; views: number }> };
    expect(k.monthly).toEqual([expect.objectContaining({ month: '2026-11', views: 2, reuseEvents: 2 })]);
    expect(k.mostReused).toEqual([expect.objectContaining({ title: 'Gluing oak', views: 2 })]);
  });

  it('still answers the page when recording the view fails, and writes no view', async () => {
    clock.set(new Date('2026-11-28T09:00:00Z'));
    await t.deps.db.schema.dropTable('content_views').execute();
    const before = (await viewActivity()).length;
    const topic = await open(`/c/${slug}/t/${topicId}`, reader);
    expect(topic.statusCode).toBe(200);
    expect(topic.body).toContain('Which glue for oak?');
    const article = await open(`/c/${slug}/a/${articleId}`, reader);
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain('Gluing oak');
    expect(await viewActivity()).toHaveLength(before);
  });
});
