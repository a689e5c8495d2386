import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../moderation/moderation.fixtures.ts';

/** The five reaction buttons of a reaction page: value (+give / -take back), pressed, accessible name. */
const buttonsOf = (html: string) => [...html.matchAll(/<button name="reaction" value="([+-][a-z]+)" aria-pressed="(true|false)"><span aria-hidden="true">[^<]+<\/span> ([^<]+)<\/button>/g)].map((m) => [m[1], m[2], m[3]]);

describeEachDialect('GET /posts/:id/reactions (a post’s reaction page)', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  let topic: number;
  let post: number;
  let privPost: number;
  const page = (id: number | string, b?: Browser) => t.app.inject({ url: `/posts/${id}/reactions`, headers: b ? { cookie: b.cookie } : {} });
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    topic = await topicVia(t, w.as.member, w.pub.slug, { title: 'Sharpening chisels' });
    post = await replyVia(t, w.as.steward, topic, 'Use a honing guide & a 1000 grit stone.');
    privPost = await replyVia(t, w.as.steward, await topicVia(t, w.as.member, w.priv.slug, { title: 'Whisper Qz' }), 'Whisper body Qz');
  });

  it('shows members the post, all five reactions with their counts (their own pressed) and a form back to the post', async () => {
    await call(t, 'PUT', `/api/v1/posts/${post}/reactions/love`, undefined, w.as.moderator);
    await call(t, 'PUT', `/api/v1/posts/${post}/reactions/love`, undefined, w.as.member);
    await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.moderator);
    const res = await page(post, w.as.member);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>React to Sam Steward’s post</h1>');
    expect(res.body).toContain(`In <a href="/c/${w.pub.slug}/t/${topic}#post-${post}">Sharpening chisels</a>`);
    expect(res.body).toContain('Use a honing guide &amp; a 1000 grit stone.');
    expect(res.body).toContain(`<a href="/c/${w.pub.slug}/t/${topic}#post-${post}">Back to the post</a>`);
    expect(res.body).toMatch(new RegExp(`<form method="post" action="/posts/${post}/reactions" class="reactions react-form" aria-label="Reactions"><input type="hidden" name="_csrf" value="${w.as.member.csrf}"/><input type="hidden" name="next" value="/c/${w.pub.slug}/t/${topic}#post-${post}"/>`));
    expect(buttonsOf(res.body)).toEqual([
      ['+thanks', 'false', 'Thanks: 1'],
      ['+celebrate', 'false', 'Celebrate: 0'],
      ['+insightful', 'false', 'Insightful: 0'],
      ['-love', 'true', 'Love: 2'],
      ['+looking', 'false', 'Looking into it: 0'],
    ]);
  });

  it('toggles a reaction from its form as a browser without JavaScript posts it, and goes back to the post', async () => {
    /** What a browser sends for the page's button with this value: the form's fields, the button's name and value, its Referer. */
    const press = async (value: string) => {
      const html = (await page(post, w.as.member)).body;
      const form = /<form method="post" action="([^"]+)" class="reactions react-form"[^>]*>(.*?)<\/form>/.exec(html);
      expect(form).not.toBeNull();
      expect(form![2]).toContain(`name="reaction" value="${value}"`);
      const fields = new URLSearchParams([...form![2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!] as [string, string]));
      fields.append('reaction', value);
      const headers = { cookie: w.as.member.cookie, 'content-type': 'application/x-www-form-urlencoded', referer: `http://localhost/posts/${post}/reactions` };
      return t.app.inject({ method: 'POST', url: form![1]!, headers, payload: fields.toString() });
    };
    const given = await press('+insightful');
    expect(given.statusCode).toBe(303);
    expect(given.headers.location).toBe(`/c/${w.pub.slug}/t/${topic}#post-${post}`);
    expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(1);
    expect(buttonsOf((await page(post, w.as.member)).body)[2]).toEqual(['-insightful', 'true', 'Insightful: 1']);
    // Back on the topic page the given reaction is a button of its own.
    const topicPage = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic}`, headers: { cookie: w.as.member.cookie } })).body;
    expect(topicPage).toContain(`formaction="/posts/${post}/reactions" name="reaction" value="-insightful" aria-pressed="true" title="Insightful: 1"`);
    const taken = await press('-insightful');
    expect(taken.statusCode).toBe(303);
    expect(taken.headers.location).toBe(`/c/${w.pub.slug}/t/${topic}#post-${post}`);
    expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
  });

  it('sends visitors to sign in and back here', async () => {
    const res = await page(post);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/signin?next=${encodeURIComponent(`/posts/${post}/reactions`)}`);
  });

  it('refuses whom the form post refuses, with its status: readers who are not members 403, others 404, leaking nothing', async () => {
    for (const b of [w.as.outsider, w.as.admin]) {
      expect((await page(post, b)).statusCode).toBe(403);
      expect((await postForm(t, `/posts/${post}/reactions`, { reaction: '+thanks' }, b)).statusCode).toBe(403);
    }
    const hidden = await page(privPost, w.as.outsider);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Whisper');
    expect((await page(privPost, w.as.admin)).statusCode).toBe(404);
    expect((await page(privPost, w.as.member)).statusCode).toBe(200);
    for (const id of ['999999', 'abc', '0', '-1', '99999999999999999999']) {
      const res = await page(id, w.as.member);
      expect(res.statusCode, id).toBe(404);
    }
    expect((await t.app.inject({ url: `/posts/${'9'.repeat(30)}/reactions`, headers: { cookie: w.as.member.cookie } })).statusCode).toBeLessThan(500);
    expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
  });

  it('answers 404 for a deleted post or topic, as the form post does', async () => {
    await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', post).execute();
    expect((await page(post, w.as.member)).statusCode).toBe(404);
    expect((await postForm(t, `/posts/${post}/reactions`, { reaction: '+thanks' }, w.as.member)).statusCode).toBe(404);
    const other = await replyVia(t, w.as.steward, topic);
    await t.deps.db.updateTable('topics').set({ deleted_at: new Date().toISOString() }).where('id', '=', topic).execute();
    expect((await page(other, w.as.member)).statusCode).toBe(404);
    expect((await page(other, w.as.steward)).statusCode).toBe(404);
    expect((await postForm(t, `/posts/${other}/reactions`, { reaction: '+thanks' }, w.as.member)).statusCode).toBe(404);
  });

  it('still works in a locked topic, where reactions still count', async () => {
    expect((await call(t, 'POST', `/api/v1/topics/${topic}/lock`, undefined, w.as.steward)).statusCode).toBe(200);
    expect((await page(post, w.as.member)).statusCode).toBe(200);
    expect((await postForm(t, `/posts/${post}/reactions`, { reaction: '+thanks' }, w.as.member)).statusCode).toBe(303);
    expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(1);
  });
});
