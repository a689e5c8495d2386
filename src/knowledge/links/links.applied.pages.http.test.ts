import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { replyVia, startTopicVia, tickingClock } from '../../discussions/discussions.fixtures.ts';
import { articlesWorld, countRows } from '../articles/articles.fixtures.ts';

/*
 * "I applied this" on topic pages (issue 6): under each answer the list of who applied it and a link to
 * the page with the forms (GET /c/:slug/t/:id/posts/:postId/applied), which works without JavaScript
 * and refuses exactly whom the form post refuses.
 */

describeEachDialect('I applied this: the answer’s form page', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof articlesWorld>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await articlesWorld(t);
  });
  afterAll(async () => t.close());

  const db = () => t.deps.db;
  const counts = async () => [await countRows(db(), 'applied'), await countRows(db(), 'activity')];
  const get = (url: string, as?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
  const marks = (postId: number) => db().selectFrom('applied').select(['user_id', 'note']).where('subject_type', '=', 'post').where('subject_id', '=', postId).execute();
  /** A question by "member" with an answer by "other"; `url` is the topic page. */
  async function answered(slug = w.pub.slug, title = 'How do I centre clay?') {
    const q = await startTopicVia(t, w.as.member, slug, { kind: 'question', title });
    const answer = await replyVia(t, w.as.other, q.id, 'Brace your elbows.');
    const url = `/c/${slug}/t/${q.id}`;
    return { q, answer, url, page: `${url}/posts/${answer.id}/applied` };
  }
  /** Submits a form of `html` (found by its action) as a browser without JavaScript would: its own fields, the note typed in. */
  function submit(html: string, action: string, as: Omit<Browser, 'userId'>, note?: string): Promise<LightMyRequestResponse> {
    const form = html.match(new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`))?.[1];
    if (form === undefined) throw new Error(`no form posting to ${action}`);
    const params = new URLSearchParams();
    for (const m of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(m[0])?.[1];
      if (name) params.append(name, /value="([^"]*)"/.exec(m[0])?.[1] ?? '');
    }
    if (note !== undefined) params.append('note', note);
    return t.app.inject({ method: 'POST', url: action, headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
  }

  describe('on the topic page', () => {
    it('links members who may mark an answer to the form page, and puts no form under the answer', async () => {
      const { answer, url, page } = await answered();
      const link = `<a href="${page}">I applied this</a>`;
      const steward = (await get(url, w.as.steward)).body;
      expect(steward).toContain(link);
      expect(steward).not.toContain(`action="${page}"`);
      expect(steward).not.toContain('applied__form');
      expect(steward).not.toContain(`action="${page}/withdraw"`);
      // The author, a signed-in non-member and a visitor get nothing while no one applied it.
      for (const who of [w.as.other, w.as.outsider, undefined]) {
        const body = (await get(url, who)).body;
        expect(body).not.toContain(page);
        expect(body).not.toContain('applied this answer');
      }
      expect((await postForm(t, page, { note: 'Used it in class' }, w.as.steward)).statusCode).toBe(303);
      const after = (await get(url, w.as.steward)).body;
      expect(after).toContain(`<a href="${page}">Update my note or withdraw</a>`);
      expect(after).toContain('1 member applied this answer');
      expect(after).toContain('Used it in class');
      // Those who may not mark it see who applied it, without the link.
      for (const who of [w.as.other, w.as.outsider, undefined]) {
        const body = (await get(url, who)).body;
        expect(body).toContain('Used it in class');
        expect(body).not.toContain(page);
      }
      expect(await marks(answer.id)).toHaveLength(1);
    });
  });

  describe('GET /c/:slug/t/:id/posts/:postId/applied', () => {
    it('shows a form with a CSRF token that records the note without JavaScript, then changes and withdraws it', async () => {
      const { answer, url, page } = await answered(w.pub.slug, 'Why does my glaze crawl?');
      const first = await get(page, w.as.steward);
      expect(first.statusCode).toBe(200);
      expect(first.body).toMatch(/<h1>[^<]*Why does my glaze crawl\?/);
      expect(first.body).toContain(`<input type="hidden" name="_csrf" value="${w.as.steward.csrf}"`);
      expect(first.body).toMatch(/<label for="f-note">/);
      expect(first.body).toContain(`href="${url}#post-${answer.id}"`);
      expect(first.body).not.toContain(`action="${page}/withdraw"`);
      expect(first.body).toMatch(/<button[^>]*type="submit"[^>]*>I applied this<\/button>/);

      const marked = await submit(first.body, page, w.as.steward, 'Fired it hotter');
      expect(marked.statusCode).toBe(303);
      expect(marked.headers.location).toBe(`${url}#post-${answer.id}`);
      expect(await marks(answer.id)).toEqual([{ user_id: w.steward.id, note: 'Fired it hotter' }]);

      const again = await get(page, w.as.steward);
      expect(again.body).toMatch(/<textarea[^>]*>Fired it hotter<\/textarea>/);
      expect(again.body).toMatch(/<button[^>]*type="submit"[^>]*>Update my note<\/button>/);
      expect((await submit(again.body, page, w.as.steward, 'Fired it hotter, slower')).statusCode).toBe(303);
      expect(await marks(answer.id)).toEqual([{ user_id: w.steward.id, note: 'Fired it hotter, slower' }]);

      const withdrawn = await submit((await get(page, w.as.steward)).body, `${page}/withdraw`, w.as.steward);
      expect(withdrawn.statusCode).toBe(303);
      expect(withdrawn.headers.location).toBe(`${url}#post-${answer.id}`);
      expect(await marks(answer.id)).toEqual([]);
    });

    it('shows a note that is too long again on the form with its error (400), writing nothing', async () => {
      const { answer, page } = await answered();
      const before = await counts();
      const res = await submit((await get(page, w.as.steward)).body, page, w.as.steward, 'x'.repeat(501));
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('must be at most 500 characters');
      expect(res.body).toMatch(/<textarea[^>]*aria-invalid="true"[^>]*>x{501}<\/textarea>/);
      expect(await counts()).toEqual(before);
      expect(await marks(answer.id)).toEqual([]);
    });

    it('sends visitors to sign in, and answers everyone else as the form post does (403, 404, 400), never leaking a private topic', async () => {
      const pub = await answered(w.pub.slug, 'PublicQuestionQz');
      const priv = await answered(w.priv.slug, 'SecretQuestionQz');
      const anon = await get(pub.page);
      expect(anon.statusCode).toBe(303);
      expect(anon.headers.location).toBe(`/signin?next=${encodeURIComponent(pub.page)}`);
      expect((await get(priv.page)).headers.location).toBe(`/signin?next=${encodeURIComponent(priv.page)}`);

      const discussion = await startTopicVia(t, w.as.member, w.pub.slug);
      const plainReply = await replyVia(t, w.as.other, discussion.id);
      const gone = await answered();
      await api(t, 'DELETE', `/api/v1/posts/${gone.answer.id}`, { reason: 'wrong' }, w.as.other);
      const base = `/c/${w.pub.slug}/t/${pub.q.id}/posts`;
      const cases: Array<[string, string, Omit<Browser, 'userId'>, number]> = [
        ['own answer', pub.page, w.as.other, 403],
        ['outsider, public', pub.page, w.as.outsider, 403],
        ['admin not a member, public', pub.page, w.as.admin, 403],
        ['outsider, private', priv.page, w.as.outsider, 404],
        ['admin not a member, private', priv.page, w.as.admin, 404],
        ['question post', `${base}/${pub.q.openingPostId}/applied`, w.as.other, 400],
        ['discussion reply', `/c/${w.pub.slug}/t/${discussion.id}/posts/${plainReply.id}/applied`, w.as.member, 400],
        ['deleted answer', gone.page, w.as.steward, 404],
        ['another topic’s answer', `/c/${w.pub.slug}/t/${discussion.id}/posts/${pub.answer.id}/applied`, w.as.steward, 404],
        ['another community', `/c/${w.priv.slug}/t/${pub.q.id}/posts/${pub.answer.id}/applied`, w.as.steward, 404],
        ['unknown post', `${base}/999999/applied`, w.as.steward, 404],
        ['unknown topic', `/c/${w.pub.slug}/t/999999/posts/${pub.answer.id}/applied`, w.as.steward, 404],
        ['post id not a number', `${base}/abc/applied`, w.as.steward, 404],
        ['post id zero', `${base}/0/applied`, w.as.steward, 404],
        ['post id too large', `${base}/99999999999999999999/applied`, w.as.steward, 404],
      ];
      for (const [what, url, who, status] of cases) {
        const res = await get(url, who);
        expect(res.statusCode, what).toBe(status);
        expect(res.body, what).not.toMatch(/SecretQuestionQz|Brace your elbows/);
        const before = await counts();
        expect((await postForm(t, url, { note: 'n' }, who)).statusCode, `POST ${what}`).toBe(status);
        expect(await counts(), what).toEqual(before);
      }
      // Members of the private community get its page.
      const member = await get(priv.page, w.as.steward);
      expect(member.statusCode).toBe(200);
      expect(member.body).toContain('SecretQuestionQz');
    });
  });
});
