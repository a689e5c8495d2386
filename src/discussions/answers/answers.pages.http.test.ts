import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeAnswer, makeQuestion, qaCounts, qaWorld } from './answers.fixtures.ts';

describeEachDialect('Q&A on the topic page', (dialect) => {
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
    q = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { title: 'Which grit first?' });
    answerId = await makeAnswer(t.deps.db, q.topicId, w.answerer.id, { body: 'Start at 1000.' });
    base = `/c/${w.pub.slug}/t/${q.topicId}`;
  });

  const page = async (b?: Browser, url = base) => (await t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} })).body;
  /** The HTML of one post's list item (up to the next post, or the end of the page). */
  const postHtml = (html: string, postId: number) => {
    const start = html.indexOf(`id="post-${postId}"`);
    const next = html.indexOf('id="post-', start + 1);
    return html.slice(start, next === -1 ? undefined : next);
  };
  const buttonTag = (html: string, label: string) => /<button[^>]*>/g.exec(html.slice(html.lastIndexOf('<button', html.indexOf(`title="${label}"`))))?.[0] ?? '';

  async function refusedWritingNothing(call: () => Promise<{ statusCode: number; body: string }>, status: number) {
    const before = await qaCounts(t.deps.db);
    const res = await call();
    expect(res.statusCode).toBe(status);
    expect(await qaCounts(t.deps.db)).toEqual(before);
    return res.body;
  }

  describe('GET /c/:slug/t/:id (a question)', () => {
    it('gives members Upvote/Downvote buttons on the question and each answer, pressed for their vote, and loads vote.js', async () => {
      await api(t, 'PUT', `/api/v1/posts/${answerId}/vote`, { value: 1 }, w.as.voter);
      const html = await page(w.as.voter);
      expect(html).toMatch(/<script type="module" src="\/static\/vote\.js\?v=[0-9a-f]{12}"/);
      const answer = postHtml(html, answerId);
      expect(buttonTag(answer, 'Upvote')).toContain(`form="post-actions" formaction="${base}/posts/${answerId}/vote"`);
      expect(html.match(/<form id="post-actions" method="post" hidden>/g)).toHaveLength(1);
      expect(buttonTag(answer, 'Upvote')).toMatch(/aria-pressed="true"/);
      expect(buttonTag(answer, 'Upvote')).toMatch(/value="0"/);
      expect(buttonTag(answer, 'Downvote')).toMatch(/aria-pressed="false"/);
      expect(answer).toMatch(/data-vote-score[^>]*>1</);
      expect(postHtml(html, q.openingId)).toContain('title="Upvote"');
    });

    it('shows the score without buttons to authors of the post, non-members and anonymous visitors', async () => {
      for (const b of [w.as.answerer, w.as.outsider, undefined]) {
        const answer = postHtml(await page(b), answerId);
        expect(answer).toContain('data-vote-score');
        expect(answer).not.toContain('title="Upvote"');
      }
    });

    it('offers "Accept this answer" to the asker and stewards, not to other members; marks the accepted answer', async () => {
      expect(postHtml(await page(w.as.asker), answerId)).toContain('Accept this answer');
      expect(postHtml(await page(w.as.steward), answerId)).toContain('Accept this answer');
      expect(postHtml(await page(w.as.voter), answerId)).not.toContain('Accept this answer');
      await api(t, 'PUT', `/api/v1/topics/${q.topicId}/accepted`, { postId: answerId }, w.as.asker);
      const html = await page(w.as.asker);
      expect(postHtml(html, answerId)).toContain('Accepted answer');
      expect(postHtml(html, answerId)).toContain(`action="${base}/unaccept"`);
    });

    it('lists comments under the answer with an "Add a comment" link for members, and Delete for their authors', async () => {
      await api(t, 'POST', `/api/v1/posts/${answerId}/comments`, { body: 'Soak the stone *first*.' }, w.as.voter);
      const mine = postHtml(await page(w.as.voter), answerId);
      expect(mine).toContain('<em>first</em>');
      expect(mine).toContain(`<a class="comment-add" href="${base}/posts/${answerId}/comments/new">Add a comment</a>`);
      expect(mine).not.toContain('<textarea');
      expect(mine).toMatch(/aria-label="Delete comment by Val Voter"/);
      expect(postHtml(await page(w.as.asker), answerId)).not.toContain('Delete comment');
      const outsiders = postHtml(await page(w.as.outsider), answerId);
      expect(outsiders).toContain('<em>first</em>');
      expect(outsiders).not.toContain('Add a comment');
    });

    it('shows no votes, accept buttons or comment forms on a discussion', async () => {
      const d = await makeQuestion(t.deps.db, w.pub.id, w.asker.id, { kind: 'discussion' });
      await makeAnswer(t.deps.db, d.topicId, w.answerer.id, { kind: 'reply' });
      const html = await page(w.as.asker, `/c/${w.pub.slug}/t/${d.topicId}`);
      expect(html).not.toContain('data-vote-score');
      expect(html).not.toContain('Accept this answer');
      expect(html).not.toContain('Add a comment');
    });
  });

  describe('POST /c/:slug/t/:id/posts/:postId/vote', () => {
    it('counts the vote and comes back to the post (303); the pressed button takes it back', async () => {
      const res = await postForm(t, `${base}/posts/${answerId}/vote`, { value: '-1', back: base }, w.as.voter);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base}#post-${answerId}`);
      expect((await t.deps.db.selectFrom('posts').select('score').where('id', '=', answerId).executeTakeFirstOrThrow()).score).toBe(-1);
      const down = buttonTag(postHtml(await page(w.as.voter), answerId), 'Downvote');
      expect(down).toContain('aria-pressed="true"');
      expect(down).toContain('value="0"');
      await postForm(t, `${base}/posts/${answerId}/vote`, { value: '0' }, w.as.voter);
      expect(await t.deps.db.selectFrom('votes').selectAll().where('post_id', '=', answerId).execute()).toEqual([]);
    });

    it('works as a browser without JavaScript submits it: the page form’s fields and the button’s value, to its formaction', async () => {
      const html = await page(w.as.voter);
      const up = buttonTag(postHtml(html, answerId), 'Upvote');
      const action = / formaction="([^"]+)"/.exec(up)?.[1];
      expect(action).toBe(`${base}/posts/${answerId}/vote`);
      const form = /<form id="post-actions"[^>]*>(.*?)<\/form>/.exec(html)?.[1] ?? '';
      const fields = new URLSearchParams([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!] as [string, string]));
      expect(fields.get('_csrf')).toBeTruthy();
      fields.append('value', / value="([^"]+)"/.exec(up)?.[1] ?? '');
      const res = await t.app.inject({ method: 'POST', url: action!, headers: { cookie: w.as.voter.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: fields.toString() });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base}#post-${answerId}`);
      expect((await t.deps.db.selectFrom('posts').select('score').where('id', '=', answerId).executeTakeFirstOrThrow()).score).toBe(1);
    });

    it('comes back to the page the form was on when it is this topic, and never elsewhere', async () => {
      const ok = await postForm(t, `${base}/posts/${answerId}/vote`, { value: '1', back: `${base}?sort=time` }, w.as.voter);
      expect(ok.headers.location).toBe(`${base}?sort=time#post-${answerId}`);
      for (const back of ['https://evil.example/', '//evil.example', `/c/${w.pub.slug}/t/${q.topicId}0`, `${base}?x=1#frag`]) {
        const res = await postForm(t, `${base}/posts/${answerId}/vote`, { value: '1', back }, w.as.moderator);
        expect(res.headers.location).toBe(`${base}#post-${answerId}`);
      }
    });

    it('refuses a form without the CSRF token, a bad value, your own post, and a post of another topic; writes nothing', async () => {
      await refusedWritingNothing(() => t.app.inject({ method: 'POST', url: `${base}/posts/${answerId}/vote`, headers: { cookie: w.as.voter.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'value=1' }), 403);
      expect(await refusedWritingNothing(() => postForm(t, `${base}/posts/${answerId}/vote`, { value: '5' }, w.as.voter), 400)).toContain('Value must be one of');
      expect(await refusedWritingNothing(() => postForm(t, `${base}/posts/${answerId}/vote`, { value: '1' }, w.as.answerer), 403)).toContain('You cannot vote on your own post.');
      const other = await makeQuestion(t.deps.db, w.pub.id, w.asker.id);
      await refusedWritingNothing(() => postForm(t, `/c/${w.pub.slug}/t/${other.topicId}/posts/${answerId}/vote`, { value: '1' }, w.as.voter), 404);
      await refusedWritingNothing(() => postForm(t, `${base}/posts/abc/vote`, { value: '1' }, w.as.voter), 404);
      await refusedWritingNothing(() => postForm(t, `${base}/posts/${answerId}/vote`, { value: '1' }), 401);
    });
  });

  describe('accept and unaccept forms', () => {
    it('accepts from the page and unaccepts, each coming back to the answer', async () => {
      const res = await postForm(t, `${base}/posts/${answerId}/accept`, {}, w.as.asker);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base}#post-${answerId}`);
      const accepted = async () => (await t.deps.db.selectFrom('topics').select('accepted_post_id').where('id', '=', q.topicId).executeTakeFirstOrThrow()).accepted_post_id;
      expect(await accepted()).toBe(answerId);
      expect((await postForm(t, `${base}/unaccept`, {}, w.as.asker)).headers.location).toBe(`${base}#post-${answerId}`);
      expect(await accepted()).toBeNull();
    });

    it('refuses members who may not accept (403) and the opening post (400), writing nothing', async () => {
      expect(await refusedWritingNothing(() => postForm(t, `${base}/posts/${answerId}/accept`, {}, w.as.voter), 403)).toContain('accept an answer');
      await refusedWritingNothing(() => postForm(t, `${base}/posts/${q.openingId}/accept`, {}, w.as.asker), 400);
    });
  });

  describe('comment forms', () => {
    it('posts a comment and comes back to it', async () => {
      const res = await postForm(t, `${base}/posts/${answerId}/comments`, { body: 'Good tip', back: base }, w.as.voter);
      expect(res.statusCode).toBe(303);
      const c = await t.deps.db.selectFrom('comments').select('id').where('post_id', '=', answerId).executeTakeFirstOrThrow();
      expect(res.headers.location).toBe(`${base}#comment-${c.id}`);
    });

    it.each([
      ['an empty', '', 'Comment must not be empty'],
      ['a blank', '  ', 'Comment must not be empty'],
      ['a 1001-character', 'z'.repeat(1001), 'Comment must be at most 1000 characters'],
    ])('re-shows the form with %s comment refused (400), keeping the text, writing nothing', async (_n, body, message) => {
      const html = await refusedWritingNothing(() => postForm(t, `${base}/posts/${answerId}/comments`, { body }, w.as.voter), 400);
      expect(html).toContain('<h1>Add a comment</h1>');
      expect(html).toContain('There is a problem');
      expect(html).toContain(`<a href="#f-body">${message}</a>`);
      expect(html).toContain('id="f-body"');
    });

    it('answers a non-member with 403 rather than a complaint about the text', async () => {
      await refusedWritingNothing(() => postForm(t, `${base}/posts/${answerId}/comments`, { body: '' }, w.as.outsider), 403);
    });

    it('deletes a comment from the page (its author) and refuses others', async () => {
      const c = (await api(t, 'POST', `/api/v1/posts/${answerId}/comments`, { body: 'to go' }, w.as.voter)).json() as { id: number };
      await refusedWritingNothing(() => postForm(t, `${base}/comments/${c.id}/delete`, {}, w.as.asker), 403);
      const res = await postForm(t, `${base}/comments/${c.id}/delete`, {}, w.as.voter);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${base}#post-${answerId}`);
      expect((await t.deps.db.selectFrom('posts').select('comment_count').where('id', '=', answerId).executeTakeFirstOrThrow()).comment_count).toBe(0);
    });
  });
});
