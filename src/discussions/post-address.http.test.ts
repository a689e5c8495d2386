import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeAnswer, makeQuestion, qaWorld } from './answers/answers.fixtures.ts';

/*
 * A post's own form pages (reactions, a comment, "I applied this") link back to, and after their form
 * come back to, the page of the topic that holds the post: a topic page shows 50 posts, so `#post-N`
 * of a later post is not on the topic's first page.
 */

const unescape = (s: string) => s.replace(/&amp;/g, '&');

describeEachDialect('the form pages of a post go back to the topic page that holds it', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof qaWorld>>;
  /** A question with 60 answers (61 posts: the second page in time order starts at answer 50). */
  let long: { base: string; early: number; late: number; firstPage: string; secondPage: string };
  /** A discussion with 60 replies. */
  let talk: { base: string; early: number; late: number; secondPage: string };
  /** A question with one answer. */
  let short: { base: string; answer: number };

  const get = (url: string, b?: Omit<Browser, 'userId'>) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });
  /** The topic page's own "Next page" link. */
  const nextPageOf = async (url: string) => {
    const m = /<a href="([^"]+)" rel="next">/.exec((await get(url, w.as.voter)).body);
    if (!m?.[1]) throw new Error(`no next page on ${url}`);
    return unescape(m[1]);
  };
  /** Whether the topic page at `address` (fragment dropped) shows the post. */
  const shows = async (address: string, postId: number) => (await get(address.replace(/#.*$/, ''), w.as.voter)).body.includes(`id="post-${postId}"`);
  /** Submits the form posting to `action` with its hidden fields (as a browser without JavaScript, sending no Referer) and `extra`. */
  function submit(html: string, action: string, as: Omit<Browser, 'userId'>, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const form = new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
    if (form === undefined) throw new Error(`no form posting to ${action}`);
    const params = new URLSearchParams();
    for (const m of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]*)"/.exec(m[0])?.[1];
      if (name) params.append(name, unescape(/value="([^"]*)"/.exec(m[0])?.[1] ?? ''));
    }
    for (const [k, v] of Object.entries(extra)) params.append(k, v);
    return t.app.inject({ method: 'POST', url: action, headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
  }
  const backLink = (html: string, label: string) => unescape(new RegExp(`<a href="([^"]+)">${label}</a>`).exec(html)?.[1] ?? '');

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await qaWorld(t);
    const db = t.deps.db;
    const q = await makeQuestion(db, w.pub.id, w.asker.id, { title: 'Sixty ways to flatten a stone' });
    const answers: number[] = [];
    for (let i = 0; i < 60; i++) answers.push(await makeAnswer(db, q.topicId, w.answerer.id, { body: `Way ${i}.` }));
    const base = `/c/${w.pub.slug}/t/${q.topicId}`;
    long = { base, early: answers[3]!, late: answers[55]!, firstPage: `${base}?sort=time`, secondPage: await nextPageOf(`${base}?sort=time`) };
    const d = await makeQuestion(db, w.pub.id, w.asker.id, { kind: 'discussion', title: 'Sixty replies' });
    const replies: number[] = [];
    for (let i = 0; i < 60; i++) replies.push(await makeAnswer(db, d.topicId, w.answerer.id, { kind: 'reply', body: `Reply ${i}.` }));
    const dBase = `/c/${w.pub.slug}/t/${d.topicId}`;
    talk = { base: dBase, early: replies[3]!, late: replies[55]!, secondPage: await nextPageOf(dBase) };
    const s = await makeQuestion(db, w.pub.id, w.asker.id, { title: 'One answer' });
    short = { base: `/c/${w.pub.slug}/t/${s.topicId}`, answer: await makeAnswer(db, s.topicId, w.answerer.id) };
  });
  afterAll(async () => t.close());

  it('(the set-up: the late posts are on the second page and not the first, the early ones on the first)', async () => {
    expect(long.secondPage).toMatch(/\?sort=time&cursor=[\w-]+$/);
    expect(talk.secondPage).toMatch(/\?cursor=[\w-]+$/);
    expect([await shows(long.secondPage, long.late), await shows(long.base, long.late), await shows(long.firstPage, long.late)]).toEqual([true, false, false]);
    expect([await shows(talk.secondPage, talk.late), await shows(talk.base, talk.late)]).toEqual([true, false]);
    expect([await shows(long.firstPage, long.early), await shows(talk.base, talk.early)]).toEqual([true, true]);
  });

  describe('GET /posts/:id/reactions', () => {
    const page = (id: number) => get(`/posts/${id}/reactions`, w.as.voter);

    it('links a later post back to its page, and its form comes back there', async () => {
      for (const [late, second] of [[long.late, long.secondPage], [talk.late, talk.secondPage]] as const) {
        const html = (await page(late)).body;
        expect(backLink(html, 'Back to the post')).toBe(`${second}#post-${late}`);
        const res = await submit(html, `/posts/${late}/reactions`, w.as.voter, { reaction: '+thanks' });
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`${second}#post-${late}`);
      }
    });

    it('comes back to the page of the post when the form carries neither `next` nor a Referer from the topic', async () => {
      const res = await postForm(t, `/posts/${talk.late}/reactions`, { reaction: '+celebrate' }, w.as.voter);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${talk.secondPage}#post-${talk.late}`);
    });

    it('still honours an explicit `next`, and a Referer from the topic page', async () => {
      const next = await postForm(t, `/posts/${talk.late}/reactions`, { reaction: '+insightful', next: `${talk.base}?cursor=abc` }, w.as.voter);
      expect(next.headers.location).toBe(`${talk.base}?cursor=abc#post-${talk.late}`);
      const fromTopic = await t.app.inject({
        method: 'POST',
        url: `/posts/${talk.late}/reactions`,
        headers: { cookie: w.as.voter.cookie, 'content-type': 'application/x-www-form-urlencoded', referer: `http://localhost${talk.base}?cursor=xyz` },
        payload: new URLSearchParams({ _csrf: w.as.voter.csrf, reaction: '+looking' }).toString(),
      });
      expect(fromTopic.headers.location).toBe(`${talk.base}?cursor=xyz#post-${talk.late}`);
    });

    it('links a post on the first page to the plain topic address (a long question to its time order)', async () => {
      expect(backLink((await page(talk.early)).body, 'Back to the post')).toBe(`${talk.base}#post-${talk.early}`);
      expect(backLink((await page(short.answer)).body, 'Back to the post')).toBe(`${short.base}#post-${short.answer}`);
      expect(backLink((await page(long.early)).body, 'Back to the post')).toBe(`${long.firstPage}#post-${long.early}`);
    });
  });

  describe('GET /c/:slug/t/:id/posts/:postId/comments/new', () => {
    const page = (base: string, id: number, query = '') => get(`${base}/posts/${id}/comments/new${query}`, w.as.voter);

    it('links a later post back to its page, and the comment comes back there', async () => {
      const html = (await page(long.base, long.late)).body;
      expect(backLink(html, 'Back to the topic')).toBe(`${long.secondPage}#post-${long.late}`);
      const res = await submit(html, `${long.base}/posts/${long.late}/comments`, w.as.voter, { body: 'Which way is fastest?' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^${long.secondPage.replace(/[?]/g, '\\?')}#comment-\\d+$`));
      expect(await shows(res.headers.location as string, long.late)).toBe(true);
    });

    it('comes back to the page of the post when the form post carries no `back`', async () => {
      const res = await postForm(t, `${long.base}/posts/${long.late}/comments`, { body: 'Without a back field' }, w.as.voter);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^${long.secondPage.replace(/[?]/g, '\\?')}#comment-\\d+$`));
    });

    it('still honours an explicit `back` of this topic', async () => {
      const back = `${long.base}?sort=votes`;
      const html = (await page(long.base, long.late, `?back=${encodeURIComponent(back)}`)).body;
      expect(backLink(html, 'Back to the topic')).toBe(`${back}#post-${long.late}`);
    });

    it('links a post on the first page to the plain topic address (a long question to its time order)', async () => {
      expect(backLink((await page(short.base, short.answer)).body, 'Back to the topic')).toBe(`${short.base}#post-${short.answer}`);
      expect(backLink((await page(long.base, long.early)).body, 'Back to the topic')).toBe(`${long.firstPage}#post-${long.early}`);
    });
  });

  describe('GET /c/:slug/t/:id/posts/:postId/applied', () => {
    const page = (base: string, id: number) => get(`${base}/posts/${id}/applied`, w.as.voter);

    it('links a later answer back to its page, and both its forms come back there', async () => {
      const html = (await page(long.base, long.late)).body;
      expect(backLink(html, 'Back to the answer')).toBe(`${long.secondPage}#post-${long.late}`);
      const action = `${long.base}/posts/${long.late}/applied`;
      const marked = await submit(html, action, w.as.voter, { note: 'Worked on my 1000 stone.' });
      expect(marked.statusCode).toBe(303);
      expect(marked.headers.location).toBe(`${long.secondPage}#post-${long.late}`);
      const withdrawn = await submit((await page(long.base, long.late)).body, `${action}/withdraw`, w.as.voter);
      expect(withdrawn.statusCode).toBe(303);
      expect(withdrawn.headers.location).toBe(`${long.secondPage}#post-${long.late}`);
    });

    it('links an answer on the first page to the plain topic address (a long question to its time order)', async () => {
      expect(backLink((await page(short.base, short.answer)).body, 'Back to the answer')).toBe(`${short.base}#post-${short.answer}`);
      expect(backLink((await page(long.base, long.early)).body, 'Back to the answer')).toBe(`${long.firstPage}#post-${long.early}`);
    });
  });

  describe('the topic page\'s own buttons (bookmark, reactions given)', () => {
    /** The hidden `next` of the page's post-actions form. */
    const nextOf = (html: string) => unescape(/<form id="post-actions"[^>]*>[\s\S]*?name="next" value="([^"]*)"/.exec(html)?.[1] ?? '');
    const bookmark = (id: number, fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `/posts/${id}/bookmark`, headers: { cookie: w.as.voter.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

    it('send a later page back to itself: the form\'s `next` is that page, cursor and order kept', async () => {
      for (const second of [long.secondPage, talk.secondPage]) expect(nextOf((await get(second, w.as.voter)).body)).toBe(second);
      expect(nextOf((await get(talk.base, w.as.voter)).body)).toBe(talk.base);
    });

    it('come back to the later page after bookmarking there (no Referer), and to the post\'s page with no `next` either', async () => {
      const html = (await get(talk.secondPage, w.as.voter)).body;
      const withNext = await bookmark(talk.late, { _csrf: csrfOf(html), next: nextOf(html), on: '1' });
      expect([withNext.statusCode, withNext.headers.location]).toEqual([303, `${talk.secondPage}#post-${talk.late}`]);
      const bare = await bookmark(talk.late, { _csrf: csrfOf(html), on: '0' });
      expect([bare.statusCode, bare.headers.location]).toEqual([303, `${talk.secondPage}#post-${talk.late}`]);
    });
  });

  describe('a vote from the topic page', () => {
    const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const nextOf = (html: string) => unescape(/<form id="post-actions"[^>]*>[\s\S]*?name="next" value="([^"]*)"/.exec(html)?.[1] ?? '');
    const vote = (id: number, fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: `${long.base}/posts/${id}/vote`, headers: { cookie: w.as.voter.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

    it('comes back to the page it was cast on (the page form\'s `next`), and without one to the page that holds the post', async () => {
      const html = (await get(long.secondPage, w.as.voter)).body;
      expect(html).toContain(`formaction="${long.base}/posts/${long.late}/vote"`);
      const cast = await vote(long.late, { _csrf: csrfOf(html), next: nextOf(html), value: '1' });
      expect([cast.statusCode, cast.headers.location]).toEqual([303, `${long.secondPage}#post-${long.late}`]);
      const back = await vote(long.late, { _csrf: csrfOf(html), value: '0' });
      expect([back.statusCode, back.headers.location]).toEqual([303, `${long.secondPage}#post-${long.late}`]);
      const elsewhere = await vote(long.late, { _csrf: csrfOf(html), next: '/c/elsewhere/t/1', value: '1' });
      expect(elsewhere.headers.location).toBe(`${long.secondPage}#post-${long.late}`);
    });
  });
});
