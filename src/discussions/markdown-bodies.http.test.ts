import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { countRows, discussionsWorld, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

describeEachDialect('Markdown bodies and @mentions', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const counts = async () => ({
    topics: await countRows(db(), 'topics'),
    posts: await countRows(db(), 'posts'),
    tags: await countRows(db(), 'topic_tags'),
    revisions: await countRows(db(), 'post_revisions'),
    activity: await countRows(db(), 'activity'),
    notifications: await countRows(db(), 'notifications'),
  });
  const post = (id: number) => db().selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('writing posts', () => {
    it('stores the Markdown source and its rendered HTML for the opening post, marked kind opening', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'Use **1000** grit.\n\n```js\nlet x = 1;\n```' });
      const row = await post(topic.openingPostId);
      expect(row.kind).toBe('opening');
      expect(row.body).toBe('Use **1000** grit.\n\n```js\nlet x = 1;\n```');
      expect(row.body_html).toContain('<p>Use <strong>1000</strong> grit.</p>');
      expect(row.body_html).toContain('<pre class="code" tabindex="0"><code class="hljs language-js">');
    });

    it('makes replies in a discussion kind reply and posts in a question kind answer, counting answers only for questions', async () => {
      const discussion = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'discussion' });
      const question = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const reply = await replyVia(t, w.as.steward, discussion.id, '_reply_');
      const answer = await replyVia(t, w.as.steward, question.id, '_answer_');
      expect(reply).toMatchObject({ kind: 'reply', bodyHtml: '<p><em>reply</em></p>\n' });
      expect(answer).toMatchObject({ kind: 'answer', bodyHtml: '<p><em>answer</em></p>\n' });
      const topics = await db().selectFrom('topics').select(['id', 'reply_count', 'answer_count']).where('id', 'in', [discussion.id, question.id]).orderBy('id').execute();
      expect(topics).toEqual([
        { id: discussion.id, reply_count: 1, answer_count: 0 },
        { id: question.id, reply_count: 1, answer_count: 1 },
      ]);
    });

    it('escapes raw HTML and drops javascript: links', async () => {
      const r = await replyVia(t, w.as.member, (await startTopicVia(t, w.as.member, w.pub.slug)).id, '<img src=x onerror=alert(1)> [x](javascript:alert(1))');
      expect(r.bodyHtml).not.toMatch(/<img|href="javascript/);
      expect(r.bodyHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('shows the rendered body on the topic page, with a Markdown hint on the reply form', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'A *fine* edge' });
      const res = await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: { cookie: w.as.member.cookie } });
      expect(res.body).toContain('<p>A <em>fine</em> edge</p>');
      expect(res.body).toMatch(/Markdown: \*\*bold\*\*/);
      expect(res.body).toContain('data-markdown-preview');
    });

    it('renders posts written before bodies were rendered, once, when they are first read', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const at = new Date().toISOString();
      const old = await db().insertInto('posts').values({ topic_id: topic.id, author_id: w.steward.id, body: 'Old **bold** for @' + w.member.username, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
      expect((await post(old.id)).body_html).toBe('');
      const items = (await api(t, 'GET', `/api/v1/topics/${topic.id}/posts`)).json().items as Array<{ id: number; bodyHtml: string }>;
      const html = items.find((i) => i.id === old.id)?.bodyHtml;
      expect(html).toContain('<strong>bold</strong>');
      expect(html).toContain(`href="/u/${w.member.username}"`);
      expect((await post(old.id)).body_html).toBe(html);
    });
  });

  describe('@mentions', () => {
    it('links a mention of a member to their profile', async () => {
      const r = await replyVia(t, w.as.steward, (await startTopicVia(t, w.as.member, w.pub.slug)).id, `Thanks @${w.member.username}!`);
      expect(r.bodyHtml).toContain(`<a href="/u/${w.member.username}" class="mention">@${w.member.username}</a>`);
    });

    it('notifies the mentioned member, in the transaction that writes the post', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const r = await replyVia(t, w.as.steward, topic.id, `What do you think, @${w.member.username}?`);
      const rows = await db().selectFrom('notifications').select(['user_id', 'kind', 'post_id']).where('post_id', '=', r.id).execute();
      expect(rows).toEqual([{ user_id: w.member.id, kind: 'mention', post_id: r.id }]);
    });

    it('ignores mentions inside code', async () => {
      const r = await replyVia(t, w.as.steward, (await startTopicVia(t, w.as.member, w.pub.slug)).id, 'Run `@nobodyhere` as is.');
      expect(r.bodyHtml).toContain('<code>@nobodyhere</code>');
    });

    it('rejects a new topic that mentions unknown users with 400 naming body and listing them, writing nothing', async () => {
      const before = await counts();
      const res = await api(t, 'POST', `/api/v1/communities/${w.pub.slug}/topics`, { title: 'Hi', body: `Ask @ghostone and @${w.member.username} and @ghosttwo`, tags: ['x'] }, w.as.member);
      expect(res.statusCode).toBe(400);
      const detail = res.json().error.details[0];
      expect(detail.field).toBe('body');
      expect(detail.message).toContain('@ghostone');
      expect(detail.message).toContain('@ghosttwo');
      expect(detail.message).not.toContain(`@${w.member.username}`);
      expect(await counts()).toEqual(before);
    });

    it('rejects a reply that mentions an unknown user with 400, leaving the counters alone', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { kind: 'question' });
      const before = await counts();
      const res = await api(t, 'POST', `/api/v1/topics/${topic.id}/posts`, { body: 'cc @nosuchperson' }, w.as.steward);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ field: 'body', message: expect.stringContaining('@nosuchperson') }]);
      expect(await counts()).toEqual(before);
      const row = await db().selectFrom('topics').select(['reply_count', 'answer_count']).where('id', '=', topic.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ reply_count: 0, answer_count: 0 });
    });

    it('rejects an edit that mentions an unknown user with 400, keeping the post as it was', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { body: 'Original' });
      const before = await counts();
      const res = await api(t, 'PATCH', `/api/v1/posts/${topic.openingPostId}`, { body: 'Now with @nosuchperson' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body');
      expect(await counts()).toEqual(before);
      expect((await post(topic.openingPostId)).body).toBe('Original');
    });

    it('re-renders the reply form with 400 and the message when a form reply mentions an unknown user', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const before = await counts();
      const res = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'Hello @nosuchperson' }, w.as.steward);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('@nosuchperson');
      expect(res.body).toContain('Hello @nosuchperson</textarea>');
      expect(await counts()).toEqual(before);
    });
  });
});
