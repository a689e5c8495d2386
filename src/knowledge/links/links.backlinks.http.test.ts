import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { replyVia, startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, countRows, writeArticleVia } from '../articles/articles.fixtures.ts';

interface BacklinksJson {
  items: Array<{ type: string; id: number; postId: number | null; title: string; community: string; url: string }>;
}

describeEachDialect('back-links', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const origin = () => t.deps.config.baseUrl;
  const backlinks = async (kind: 'articles' | 'topics', id: number, who: Omit<Browser, 'userId'> = anonymousBrowser()) => {
    const res = await api(t, 'GET', `/api/v1/${kind}/${id}/backlinks`, undefined, who);
    expect(res.statusCode).toBe(200);
    return (res.json() as BacklinksJson).items;
  };
  const stored = (sourceType: 'post' | 'article', sourceId: number) =>
    db().selectFrom('links').select(['target_type', 'target_id']).where('source_type', '=', sourceType).where('source_id', '=', sourceId).orderBy('target_type').orderBy('target_id').execute();

  describe('recording', () => {
    it('records relative and same-origin absolute links to topics and articles from an opening post, ignoring other sites, unknown targets and wrong slugs', async () => {
      const target = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Glaze chemistry' });
      const thread = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Kiln temperatures' });
      const body = [
        `See [the article](/c/${w.pub.slug}/a/${target.id}) and ${origin()}/c/${w.pub.slug}/t/${thread.id}/kiln-temperatures#post-1.`,
        `Not ours: https://elsewhere.example/c/${w.pub.slug}/a/${target.id}, [missing](/c/${w.pub.slug}/a/999999), [wrong community](/c/${w.priv.slug}/t/${thread.id}).`,
      ].join('\n\n');
      const topic = await startTopicVia(t, w.as.other, w.pub.slug, { title: 'Linking thread', body });
      expect(await stored('post', topic.openingPostId)).toEqual([
        { target_type: 'article', target_id: target.id },
        { target_type: 'topic', target_id: thread.id },
      ]);
      expect(await backlinks('articles', target.id)).toEqual([{ type: 'topic', id: topic.id, postId: topic.openingPostId, title: 'Linking thread', community: w.pub.slug, url: `/c/${w.pub.slug}/t/${topic.id}#post-${topic.openingPostId}` }]);
      expect((await backlinks('topics', thread.id)).map((b) => b.id)).toEqual([topic.id]);
    });

    it('records links from replies and articles, and replaces them when the body is edited', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Target A' });
      const b = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Target B' });
      const thread = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Host thread' });
      const reply = await replyVia(t, w.as.other, thread.id, `Read /c/${w.pub.slug}/a/${a.id} first`);
      expect(await stored('post', reply.id)).toEqual([]); // a bare path is not a link in Markdown
      const edit = await api(t, 'PATCH', `/api/v1/posts/${reply.id}`, { body: `Read [A](/c/${w.pub.slug}/a/${a.id})` }, w.as.other);
      expect(edit.statusCode).toBe(200);
      expect(await stored('post', reply.id)).toEqual([{ target_type: 'article', target_id: a.id }]);
      await api(t, 'PATCH', `/api/v1/posts/${reply.id}`, { body: `Now [B](/c/${w.pub.slug}/a/${b.id})` }, w.as.other);
      expect(await stored('post', reply.id)).toEqual([{ target_type: 'article', target_id: b.id }]);
      expect(await backlinks('articles', a.id)).toEqual([]);
      expect((await backlinks('articles', b.id)).map((x) => x.postId)).toEqual([reply.id]);
      await api(t, 'PATCH', `/api/v1/posts/${reply.id}`, { body: 'No links any more.' }, w.as.other);
      expect(await stored('post', reply.id)).toEqual([]);

      const article = await writeArticleVia(t, w.as.other, w.pub.slug, { title: 'Linking article', body: `Builds on [A](/c/${w.pub.slug}/a/${a.id}) and [itself](/c/${w.pub.slug}/a/999999)` });
      expect(await stored('article', article.id)).toEqual([{ target_type: 'article', target_id: a.id }]);
      await api(t, 'PATCH', `/api/v1/articles/${article.id}`, { body: `Now about [the thread](/c/${w.pub.slug}/t/${thread.id}) and [me](/c/${w.pub.slug}/a/${article.id})` }, w.as.other);
      expect(await stored('article', article.id)).toEqual([{ target_type: 'topic', target_id: thread.id }]);
      expect(await backlinks('topics', thread.id)).toEqual([{ type: 'article', id: article.id, postId: null, title: 'Linking article', community: w.pub.slug, url: `/c/${w.pub.slug}/a/${article.id}` }]);
      // An edit of tags only keeps the links.
      await api(t, 'PATCH', `/api/v1/articles/${article.id}`, { tags: ['kilns'] }, w.as.other);
      expect(await stored('article', article.id)).toEqual([{ target_type: 'topic', target_id: thread.id }]);
    });

    it('writes no links when the post is refused', async () => {
      const a = await writeArticleVia(t, w.as.member, w.pub.slug);
      const before = await countRows(db(), 'links');
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: 'x', body: `[A](/c/${w.pub.slug}/a/${a.id}) @nobody-here-xyz` }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(await countRows(db(), 'links')).toBe(before);
    });
  });

  describe('visibility', () => {
    it('never shows a private community’s post or article linking to a public article to non-members', async () => {
      const target = await writeArticleVia(t, w.as.member, w.pub.slug, { title: 'Public how-to' });
      const secret = await startTopicVia(t, w.as.member, w.priv.slug, { title: 'SecretThreadQz', body: `We used ${origin()}/c/${w.pub.slug}/a/${target.id}` });
      const secretArticle = await writeArticleVia(t, w.as.member, w.priv.slug, { title: 'SecretArticleQz', body: `Based on [this](/c/${w.pub.slug}/a/${target.id})` });
      // The links are stored: the filtering is what hides them.
      expect(await stored('post', secret.openingPostId)).toEqual([{ target_type: 'article', target_id: target.id }]);
      expect(await stored('article', secretArticle.id)).toEqual([{ target_type: 'article', target_id: target.id }]);
      for (const who of [anonymousBrowser(), w.as.outsider, w.as.admin]) {
        expect(await backlinks('articles', target.id, who)).toEqual([]);
        const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/a/${target.id}`, headers: { cookie: who.cookie } });
        expect(page.statusCode).toBe(200);
        expect(page.body).not.toContain('SecretThreadQz');
        expect(page.body).not.toContain('SecretArticleQz');
      }
      expect((await backlinks('articles', target.id, w.as.other)).map((b) => b.title).sort()).toEqual(['SecretArticleQz', 'SecretThreadQz']);
      const memberPage = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/a/${target.id}`, headers: { cookie: w.as.other.cookie } });
      expect(memberPage.body).toContain('Linked from');
      expect(memberPage.body).toContain('SecretThreadQz');
    });

    it('never shows deleted posts or deleted topics, even to moderators', async () => {
      const target = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Linked thread' });
      const host = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Host' });
      const reply = await replyVia(t, w.as.other, host.id, `[see](/c/${w.pub.slug}/t/${target.id})`);
      const gone = await startTopicVia(t, w.as.other, w.pub.slug, { title: 'Gone thread', body: `[see](/c/${w.pub.slug}/t/${target.id})` });
      expect((await backlinks('topics', target.id, w.as.moderator)).map((b) => b.title).sort()).toEqual(['Gone thread', 'Host']);
      expect((await api(t, 'DELETE', `/api/v1/posts/${reply.id}`, { reason: 'gone' }, w.as.other)).statusCode).toBe(200);
      expect((await api(t, 'DELETE', `/api/v1/posts/${gone.openingPostId}`, { reason: 'gone' }, w.as.other)).statusCode).toBe(200);
      expect(await backlinks('topics', target.id, w.as.moderator)).toEqual([]);
      const page = await t.app.inject({ method: 'GET', url: `/c/${w.pub.slug}/t/${target.id}`, headers: { cookie: w.as.moderator.cookie } });
      expect(page.body).not.toContain('Gone thread');
    });

    it('answers 404 for the back-links of a private article or topic to non-members, and for unknown ids', async () => {
      const a = await writeArticleVia(t, w.as.member, w.priv.slug);
      const topic = await startTopicVia(t, w.as.member, w.priv.slug);
      for (const who of [anonymousBrowser(), w.as.outsider, w.as.admin]) {
        expect((await api(t, 'GET', `/api/v1/articles/${a.id}/backlinks`, undefined, who)).statusCode).toBe(404);
        expect((await api(t, 'GET', `/api/v1/topics/${topic.id}/backlinks`, undefined, who)).statusCode).toBe(404);
      }
      expect((await api(t, 'GET', `/api/v1/articles/999999/backlinks`)).statusCode).toBe(404);
      expect((await api(t, 'GET', `/api/v1/articles/abc/backlinks`)).statusCode).toBe(400);
    });
  });
});
