import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { replyVia, startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, countRows, writeArticleVia } from '../articles/articles.fixtures.ts';

interface AppliedJson {
  count: number;
  items: Array<{ user: { username: string }; note: string }>;
  mine: { note: string } | null;
}

describeEachDialect('I applied this', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const counts = async () => [await countRows(db(), 'applied'), await countRows(db(), 'activity')];
  /** A question with an answer by "other". */
  async function answered(slug = w.pub.slug) {
    const q = await startTopicVia(t, w.as.member, slug, { kind: 'question', title: 'How do I centre clay?' });
    const answer = await replyVia(t, w.as.other, q.id, 'Brace your elbows.');
    return { q, answer };
  }

  describe('on articles', () => {
    it('records one mark per member (posting again updates the note), lists it, and withdraws it', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      const first = await api(t, 'POST', `/api/v1/articles/${a.id}/applied`, { note: 'Worked on porcelain' }, w.as.other);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ count: 1, items: [{ user: { username: w.other.username }, note: 'Worked on porcelain' }], mine: { note: 'Worked on porcelain' } });
      const again = await api(t, 'POST', `/api/v1/articles/${a.id}/applied`, { note: 'Also stoneware' }, w.as.other);
      expect(again.json()).toMatchObject({ count: 1, items: [{ note: 'Also stoneware' }] });
      await api(t, 'POST', `/api/v1/articles/${a.id}/applied`, {}, w.as.steward);
      const list = (await api(t, 'GET', `/api/v1/articles/${a.id}/applied`)).json() as AppliedJson;
      expect(list.count).toBe(2);
      expect(list.mine).toBeNull();
      const acts = await db().selectFrom('activity').select(['verb', 'actor_id']).where('subject_type', '=', 'article').where('subject_id', '=', a.id).where('verb', 'like', 'knowledge.%').execute();
      expect(acts.map((x) => x.verb)).toEqual(['knowledge.applied', 'knowledge.applied', 'knowledge.applied']);
      const withdrawn = await api(t, 'DELETE', `/api/v1/articles/${a.id}/applied`, {}, w.as.other);
      expect(withdrawn.json()).toMatchObject({ count: 1, mine: null });
      expect((await api(t, 'DELETE', `/api/v1/articles/${a.id}/applied`, {}, w.as.other)).statusCode).toBe(404);
      expect(await db().selectFrom('activity').select('verb').where('verb', '=', 'knowledge.applied_withdrawn').where('subject_id', '=', a.id).execute()).toHaveLength(1);
    });

    it('refuses the author and co-owners (403), non-members (403 public, 404 private), anonymous (401) and a long note (400), writing nothing', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      await api(t, 'PUT', `/api/v1/articles/${a.id}/owners/${w.steward.username}`, {}, w.as.member);
      const secret = await writeArticleVia(t, w.as.member, w.priv.slug);
      const cases: Array<[string, number, unknown, Parameters<typeof api>[4], number]> = [
        ['author', a.id, {}, w.as.member, 403],
        ['co-owner', a.id, {}, w.as.steward, 403],
        ['outsider in public', a.id, {}, w.as.outsider, 403],
        ['admin not a member', a.id, {}, w.as.admin, 403],
        ['outsider in private', secret.id, {}, w.as.outsider, 404],
        ['anonymous', a.id, {}, anonymousBrowser(), 401],
        ['long note', a.id, { note: 'x'.repeat(501) }, w.as.other, 400],
        ['unknown article', 999999, {}, w.as.other, 404],
      ];
      for (const [what, id, body, who, status] of cases) {
        const before = await counts();
        const res = await api(t, 'POST', `/api/v1/articles/${id}/applied`, body, who);
        expect(res.statusCode, what).toBe(status);
        expect(await counts(), what).toEqual(before);
      }
      const long = await api(t, 'POST', `/api/v1/articles/${a.id}/applied`, { note: 'x'.repeat(501) }, w.as.other);
      expect(long.json()).toMatchObject({ error: { details: [{ field: 'note' }] } });
      expect((await api(t, 'POST', `/api/v1/articles/${a.id}/applied`, { note: 'x'.repeat(500) }, w.as.other)).statusCode).toBe(200);
    });
  });

  describe('on answers', () => {
    it('lets a member mark an answer, not their own, and not a question or a discussion reply', async () => {
      const { q, answer } = await answered();
      const ok = await api(t, 'POST', `/api/v1/posts/${answer.id}/applied`, { note: 'Centred at last' }, w.as.member);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ count: 1, items: [{ note: 'Centred at last' }] });
      expect((await api(t, 'GET', `/api/v1/posts/${answer.id}/applied`)).json()).toMatchObject({ count: 1 });
      const discussion = await startTopicVia(t, w.as.member, w.pub.slug);
      const plainReply = await replyVia(t, w.as.other, discussion.id);
      for (const [what, id, who, status] of [
        ['own answer', answer.id, w.as.other, 403],
        ['question post', q.openingPostId, w.as.other, 400],
        ['discussion reply', plainReply.id, w.as.member, 400],
        ['outsider', answer.id, w.as.outsider, 403],
      ] as const) {
        const before = await counts();
        const res = await api(t, 'POST', `/api/v1/posts/${id}/applied`, {}, who);
        expect(res.statusCode, what).toBe(status);
        if (status === 400) expect(res.json()).toMatchObject({ error: { details: [{ field: 'id' }] } });
        expect(await counts(), what).toEqual(before);
      }
    });

    it('hides answers of private communities (404) and deleted answers', async () => {
      const { answer } = await answered(w.priv.slug);
      for (const who of [anonymousBrowser(), w.as.outsider, w.as.admin]) {
        expect((await api(t, 'GET', `/api/v1/posts/${answer.id}/applied`, undefined, who)).statusCode).toBe(404);
      }
      expect((await api(t, 'POST', `/api/v1/posts/${answer.id}/applied`, {}, w.as.outsider)).statusCode).toBe(404);
      await api(t, 'DELETE', `/api/v1/posts/${answer.id}`, { reason: 'wrong' }, w.as.other);
      expect((await api(t, 'POST', `/api/v1/posts/${answer.id}/applied`, {}, w.as.member)).statusCode).toBe(404);
    });

    it('shows the count and notes under the answer, with a link to its form (links.applied.pages.http.test.ts), and a form post that works without JavaScript', async () => {
      const { q, answer } = await answered();
      const url = `/c/${w.pub.slug}/t/${q.id}`;
      const page = await t.app.inject({ method: 'GET', url, headers: { cookie: w.as.steward.cookie } });
      expect(page.body).toContain(`href="${url}/posts/${answer.id}/applied"`);
      expect(page.body).not.toContain(`action="${url}/posts/${answer.id}/applied"`);
      const res = await postForm(t, `${url}/posts/${answer.id}/applied`, { note: 'Used it in class' }, w.as.steward);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${url}#post-${answer.id}`);
      const after = await t.app.inject({ method: 'GET', url, headers: { cookie: w.as.member.cookie } });
      expect(after.body).toContain('1 member applied this answer');
      expect(after.body).toContain('Used it in class');
      // The answer's author sees the notes but no link to the form.
      const own = await t.app.inject({ method: 'GET', url, headers: { cookie: w.as.other.cookie } });
      expect(own.body).toContain('Used it in class');
      expect(own.body).not.toContain(`${url}/posts/${answer.id}/applied`);
      expect((await postForm(t, `${url}/posts/${answer.id}/applied/withdraw`, {}, w.as.steward)).statusCode).toBe(303);
      expect(await db().selectFrom('applied').select('user_id').where('subject_type', '=', 'post').where('subject_id', '=', answer.id).execute()).toEqual([]);
    });
  });
});
