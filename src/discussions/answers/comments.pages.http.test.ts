import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeAnswer, makeQuestion, qaCounts, qaWorld } from './answers.fixtures.ts';

describeEachDialect('the comment page of a post', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof qaWorld>>;
  let q: { topicId: number; openingId: number };
  let answerId: number;
  let base: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await qaWorld(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    q = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { title: 'Which grit first?', body: 'My stones are new.' });
    answerId = await makeAnswer(t.deps.db, q.topicId, w.answerer.id, { body: 'Start at 1000.' });
    base = `/c/${w.pub.slug}/t/${q.topicId}`;
  });

  const get = (url: string, b?: Browser) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });
  const newPage = (postId: number, b?: Browser, topicBase = base) => get(`${topicBase}/posts/${postId}/comments/new`, b);
  const commentLinks = (html: string) => [...html.matchAll(/<a class="comment-add" href="([^"]+)">Add a comment<\/a>/g)].map((m) => m[1]);
  /** The fields of the page's comment form as a browser without JavaScript sends them, plus its action. */
  const formOf = (html: string) => {
    const form = /<form method="post" action="([^"]+)" class="comment-form">(.*?)<\/form>/s.exec(html);
    const fields = new URLSearchParams([...(form?.[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')] as [string, string]));
    return { action: form?.[1] ?? '', fields };
  };
  const submit = (action: string, fields: URLSearchParams, b: Browser) =>
    t.app.inject({ method: 'POST', url: action, headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: fields.toString() });

  describe('links on the topic page', () => {
    it('gives members one "Add a comment" link per question and answer, and no comment form', async () => {
      const html = (await get(base, w.as.voter)).body;
      expect(commentLinks(html)).toEqual([`${base}/posts/${q.openingId}/comments/new`, `${base}/posts/${answerId}/comments/new`]);
      expect(html).not.toContain('class="comment-form"');
      expect(html).not.toContain('<details class="comment-add"');
    });

    it('links nothing for anonymous visitors, non-members, or anyone in a locked topic or on a deleted answer', async () => {
      for (const b of [undefined, w.as.outsider, w.as.admin]) expect(commentLinks((await get(base, b)).body)).toEqual([]);
      const gone = await makeAnswer(t.deps.db, q.topicId, w.answerer.id);
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', gone).execute();
      expect(commentLinks((await get(base, w.as.steward)).body)).not.toContain(`${base}/posts/${gone}/comments/new`);
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      expect(commentLinks((await get(base, w.as.voter)).body)).toEqual([]);
    });
  });

  describe('GET /c/:slug/t/:id/posts/:postId/comments/new', () => {
    it('shows the post and a form with the CSRF token; posting it without JavaScript adds the comment and comes back to it', async () => {
      const res = await newPage(answerId, w.as.voter);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<h1>Add a comment</h1>');
      expect(res.body).toContain('The answer by Ann Answerer');
      expect(res.body).toContain('<p>Start at 1000.</p>');
      expect(res.body).toContain('<label for="f-body">Your comment</label>');
      expect(res.body).toContain(`<a href="${base}#post-${answerId}">Back to the topic</a>`);
      const { action, fields } = formOf(res.body);
      expect(action).toBe(`${base}/posts/${answerId}/comments`);
      expect(fields.get('_csrf')).toBe(w.as.voter.csrf);
      expect(fields.has('back')).toBe(false);
      fields.append('body', 'Soak it first.');
      const posted = await submit(action, fields, w.as.voter);
      expect(posted.statusCode).toBe(303);
      const c = await t.deps.db.selectFrom('comments').select(['id', 'body', 'author_id']).where('post_id', '=', answerId).executeTakeFirstOrThrow();
      expect(c).toMatchObject({ body: 'Soak it first.', author_id: w.voter.id });
      expect(posted.headers.location).toBe(`${base}#comment-${c.id}`);
    });

    it("comments on the question's opening post too", async () => {
      const res = await newPage(q.openingId, w.as.answerer);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('The question, by Ada Asker');
      expect(formOf(res.body).action).toBe(`${base}/posts/${q.openingId}/comments`);
    });

    it('a form without the token is refused (403) and writes nothing', async () => {
      const { action, fields } = formOf((await newPage(answerId, w.as.voter)).body);
      fields.delete('_csrf');
      fields.append('body', 'No token');
      const before = await qaCounts(t.deps.db);
      expect((await submit(action, fields, w.as.voter)).statusCode).toBe(403);
      expect(await qaCounts(t.deps.db)).toEqual(before);
    });

    it('keeps the page to come back to when it is this topic, and never another', async () => {
      const back = `${base}?sort=time`;
      const res = await get(`${base}/posts/${answerId}/comments/new?back=${encodeURIComponent(back)}`, w.as.voter);
      const { action, fields } = formOf(res.body);
      expect(fields.get('back')).toBe(back);
      fields.append('body', 'From the sorted page');
      expect((await submit(action, fields, w.as.voter)).headers.location).toMatch(new RegExp(`^${back.replace(/[?]/g, '\\?')}#comment-\\d+$`));
      for (const bad of ['https://evil.example/', '//evil.example', `${base}0`, `${base}?x=1#frag`]) {
        const page = await get(`${base}/posts/${answerId}/comments/new?back=${encodeURIComponent(bad)}`, w.as.voter);
        expect(page.statusCode).toBe(200);
        expect(formOf(page.body).fields.has('back')).toBe(false);
        expect(page.body).not.toContain('evil.example');
      }
    });

    it('sends anonymous visitors to sign in and back, whatever the post', async () => {
      const secret = await makeQuestion(t.deps.db, w.secret.id, w.asker.id);
      for (const url of [`${base}/posts/${answerId}/comments/new`, `/c/${w.secret.slug}/t/${secret.topicId}/posts/${secret.openingId}/comments/new`, `${base}/posts/99999999/comments/new`]) {
        const res = await get(url);
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`/signin?next=${encodeURIComponent(url)}`);
      }
    });

    it('answers non-members 403, a reply in a discussion 400, and a locked topic or deleted post 409, as the form post does', async () => {
      expect((await newPage(answerId, w.as.outsider)).statusCode).toBe(403);
      expect((await newPage(answerId, w.as.admin)).statusCode).toBe(403);
      const d = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion' });
      const reply = await makeAnswer(t.deps.db, d.topicId, w.answerer.id, { kind: 'reply' });
      expect((await newPage(reply, w.as.voter, `/c/${w.pub.slug}/t/${d.topicId}`)).statusCode).toBe(400);
      const gone = await makeAnswer(t.deps.db, q.topicId, w.answerer.id);
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', gone).execute();
      expect((await newPage(gone, w.as.steward)).statusCode).toBe(409);
      await t.deps.db.updateTable('topics').set({ locked_at: new Date().toISOString() }).where('id', '=', q.topicId).execute();
      expect((await newPage(answerId, w.as.voter)).statusCode).toBe(409);
    });

    it("hides a private community's posts from non-members (404, nothing of them shown) and serves its members", async () => {
      const s = await makeQuestion(t.deps.db, w.secret.id, w.asker.id, { title: 'Secret sharpening', body: 'Hidden method.' });
      const sBase = `/c/${w.secret.slug}/t/${s.topicId}`;
      for (const b of [w.as.outsider, w.as.admin]) {
        const res = await newPage(s.openingId, b, sBase);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Secret sharpening');
        expect(res.body).not.toContain('Hidden method');
      }
      const ok = await newPage(s.openingId, w.as.voter, sBase);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('Hidden method.');
    });

    it('answers 404, never 500, to unknown or mismatched ids and addresses', async () => {
      const other = await makeQuestion(t.deps.db, w.pub.id, w.asker.id);
      const urls = [
        `${base}/posts/99999999/comments/new`,
        `${base}/posts/abc/comments/new`,
        `${base}/posts/0/comments/new`,
        `${base}/posts/${'9'.repeat(19)}/comments/new`,
        `/c/${w.pub.slug}/t/${other.topicId}/posts/${answerId}/comments/new`,
        `/c/${w.secret.slug}/t/${q.topicId}/posts/${answerId}/comments/new`,
        `/c/no-such-place/t/${q.topicId}/posts/${answerId}/comments/new`,
        `/c/${w.pub.slug}/t/abc/posts/${answerId}/comments/new`,
      ];
      for (const url of urls) expect([url, (await get(url, w.as.voter)).statusCode]).toEqual([url, 404]);
    });

    it('answers 400, not 500, to a malformed back', async () => {
      const res = await get(`${base}/posts/${answerId}/comments/new?back=${'x'.repeat(501)}`, w.as.voter);
      expect(res.statusCode).toBe(400);
    });
  });
});
