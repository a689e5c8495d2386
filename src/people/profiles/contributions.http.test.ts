import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { makeAnswer, makeQuestion } from '../../discussions/answers/answers.fixtures.ts';
import { articlesWorld, writeArticleVia } from '../../knowledge/articles/articles.fixtures.ts';

/** Contributions on a profile count and list only what the viewer may read. */
describeEachDialect('profile contributions', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
    const db = t.deps.db;
    for (const [c, word] of [[w.pub, 'Openly'], [w.priv, 'Secretly']] as const) {
      await writeArticleVia(t, w.as.member, c.slug, { title: `${word} sharpened article` });
      const q = await makeQuestion(db, c.id, w.other.id, { title: `${word} asked question` });
      const answerId = await makeAnswer(db, q.topicId, w.member.id);
      await db.updateTable('topics').set({ accepted_post_id: answerId }).where('id', '=', q.topicId).execute();
      await makeQuestion(db, c.id, w.member.id, { title: `${word} started topic` });
    }
  });
  afterAll(async () => t.close());

  it('counts only public-community contributions for anonymous visitors and outsiders', async () => {
    for (const as of [undefined, w.as.outsider]) {
      const body = (await api(t, 'GET', `/api/v1/users/${w.member.username}`, undefined, as)).json();
      expect(body.contributions).toEqual({ topics: 1, answers: 1, acceptedAnswers: 1, articles: 1 });
      const list = await api(t, 'GET', `/api/v1/users/${w.member.username}/contributions`, undefined, as);
      expect(list.json().articles.map((a: { title: string }) => a.title)).toEqual(['Openly sharpened article']);
      expect(list.body).not.toContain('Secretly');
      const page = await t.app.inject({ method: 'GET', url: `/u/${w.member.username}`, headers: as ? { cookie: as.cookie } : {} });
      expect(page.body).toContain('Openly sharpened article');
      expect(page.body).toContain('Openly asked question');
      expect(page.body).not.toContain('Secretly');
    }
  });

  it('counts and lists both communities for a fellow member', async () => {
    const body = (await api(t, 'GET', `/api/v1/users/${w.member.username}`, undefined, w.as.other)).json();
    expect(body.contributions).toEqual({ topics: 2, answers: 2, acceptedAnswers: 2, articles: 2 });
    const list = (await api(t, 'GET', `/api/v1/users/${w.member.username}/contributions`, undefined, w.as.other)).json();
    expect(list.acceptedAnswers.map((a: { title: string }) => a.title)).toEqual(['Secretly asked question', 'Openly asked question']);
    expect((await api(t, 'GET', '/api/v1/users/nobody-here/contributions')).statusCode).toBe(404);
    const page = await t.app.inject({ method: 'GET', url: `/u/${w.member.username}`, headers: { cookie: w.as.other.cookie } });
    expect(page.body).toContain('Secretly sharpened article');
    expect(page.body).toContain('Secretly started topic');
  });
});
