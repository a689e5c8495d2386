import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { countRows, discussionsWorld, startTopicVia } from './discussions.fixtures.ts';

describeEachDialect('discussion pages', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await discussionsWorld(t);
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  describe('GET /c/:slug/t/new', () => {
    it('sends anonymous visitors to sign in and back', async () => {
      const res = await get(`/c/${w.pub.slug}/t/new`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/signin?next=${encodeURIComponent(`/c/${w.pub.slug}/t/new`)}`);
    });

    it('refuses signed-in non-members with 403', async () => {
      expect((await get(`/c/${w.pub.slug}/t/new`, w.as.outsider.cookie)).statusCode).toBe(403);
    });

    it('shows members a labelled form', async () => {
      const res = await get(`/c/${w.pub.slug}/t/new`, w.as.member.cookie);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Start a topic</h1>');
      expect(res.body).toMatch(/<label for="f-title">/);
      expect(res.body).toMatch(/<label for="f-body">/);
      expect(res.body).toContain('name="_csrf"');
    });
  });

  describe('POST /c/:slug/t/new', () => {
    it('starts the topic and redirects to it with 303', async () => {
      const res = await postForm(t, `/c/${w.pub.slug}/t/new`, { kind: 'question', title: 'Form topic', body: 'From a form' }, w.as.member);
      expect(res.statusCode).toBe(303);
      const id = Number(/\/t\/(\d+)$/.exec(String(res.headers.location))?.[1]);
      const row = await t.deps.db.selectFrom('topics').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ title: 'Form topic', kind: 'question', community_id: w.pub.id });
    });

    it('re-renders the form with 400, the message and the typed values when the title is empty, and writes nothing', async () => {
      const before = await countRows(t.deps.db, 'topics');
      const res = await postForm(t, `/c/${w.pub.slug}/t/new`, { title: '', body: 'Kept body' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Title must not be empty');
      expect(res.body).toContain('Kept body');
      expect(await countRows(t.deps.db, 'topics')).toBe(before);
    });

    it('re-renders with 400 when the title is only spaces', async () => {
      const before = await countRows(t.deps.db, 'topics');
      const res = await postForm(t, `/c/${w.pub.slug}/t/new`, { title: '   ', body: 'Body' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Title must not be empty');
      expect(await countRows(t.deps.db, 'topics')).toBe(before);
    });

    it('answers 401 to anonymous and 403 to non-members, writing nothing', async () => {
      const before = await countRows(t.deps.db, 'topics');
      expect((await postForm(t, `/c/${w.pub.slug}/t/new`, { title: 'x', body: 'y' })).statusCode).toBe(401);
      expect((await postForm(t, `/c/${w.pub.slug}/t/new`, { title: 'x', body: 'y' }, w.as.outsider)).statusCode).toBe(403);
      expect(await countRows(t.deps.db, 'topics')).toBe(before);
    });

    it('refuses a form without the CSRF token', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/c/${w.pub.slug}/t/new`,
        headers: { cookie: w.as.member.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'title=x&body=y',
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('GET /c/:slug/t/:id', () => {
    it('shows the posts as rendered Markdown with raw HTML escaped', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug, { title: 'Escaping <b>', body: 'Line one\nLine two <script>alert(1)</script>' });
      const res = await get(`/c/${w.pub.slug}/t/${topic.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Escaping &lt;b');
      expect(res.body).not.toContain('Escaping <b>');
      expect(res.body).toContain('<div class="post__body markdown"><p>Line one\nLine two &lt;script&gt;alert(1)&lt;/script&gt;</p>\n</div>');
      expect(res.body).not.toContain('<script>alert(1)');
    });

    it('offers members the reply form, anonymous visitors sign-in and non-members joining', async () => {
      const topic = await startTopicVia(t, w.as.member, w.pub.slug);
      const url = `/c/${w.pub.slug}/t/${topic.id}`;
      expect((await get(url, w.as.member.cookie)).body).toContain(`action="${url}/reply"`);
      const anon = (await get(url)).body;
      expect(anon).toContain('Sign in to reply');
      expect(anon).not.toContain(`action="${url}/reply"`);
      const outsider = (await get(url, w.as.outsider.cookie)).body;
      expect(outsider).toContain('Join to reply');
      expect(outsider).not.toContain(`action="${url}/reply"`);
    });

    it('answers 404 for a topic id that does not exist or is not a number', async () => {
      expect((await get(`/c/${w.pub.slug}/t/987654`)).statusCode).toBe(404);
      expect((await get(`/c/${w.pub.slug}/t/abc`)).statusCode).toBe(404);
      expect((await get(`/c/${w.pub.slug}/t/99999999999999999999`)).statusCode).toBe(404);
    });
  });

  describe('POST /c/:slug/t/:id/reply', () => {
    it('posts the reply and redirects to it with 303', async () => {
      const topic = await startTopicVia(t, w.as.steward, w.pub.slug);
      const res = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'A form reply' }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^/c/${w.pub.slug}/t/${topic.id}#post-\\d+$`));
      const row = await t.deps.db.selectFrom('topics').select('reply_count').where('id', '=', topic.id).executeTakeFirstOrThrow();
      expect(row.reply_count).toBe(1);
    });

    it('lands a reply to a long topic on the page where it shows', async () => {
      const topic = await startTopicVia(t, w.as.steward, w.pub.slug);
      const at = new Date().toISOString();
      const rows = Array.from({ length: 60 }, (_, i) => ({ topic_id: topic.id, author_id: w.steward.id, body: `Filler ${i}`, created_at: at, updated_at: at }));
      await t.deps.db.insertInto('posts').values(rows).execute();
      const res = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'Reply number 62' }, w.as.member);
      expect(res.statusCode).toBe(303);
      const location = String(res.headers.location);
      expect(location).toMatch(/\?cursor=[^#]+#post-\d+$/);
      const landed = await get(location.split('#')[0]!);
      expect(landed.body).toContain(`id="${location.split('#')[1]}"`);
      expect(landed.body).toContain('Reply number 62');
    });

    it('re-renders the topic with 400 and the message when the reply is empty, writing nothing', async () => {
      const topic = await startTopicVia(t, w.as.steward, w.pub.slug);
      const before = await countRows(t.deps.db, 'posts');
      const res = await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: '' }, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Body must not be empty');
      expect(await countRows(t.deps.db, 'posts')).toBe(before);
    });

    it('answers 401 to anonymous and 403 to non-members', async () => {
      const topic = await startTopicVia(t, w.as.steward, w.pub.slug);
      expect((await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'x' })).statusCode).toBe(401);
      expect((await postForm(t, `/c/${w.pub.slug}/t/${topic.id}/reply`, { body: 'x' }, w.as.outsider)).statusCode).toBe(403);
    });
  });
});
