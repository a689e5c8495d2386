import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { discussionsWorld, newMember, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

/*
 * A topic page's posts are rendered once and kept for every viewer and request with the same inputs
 * (post.views.tsx, postHtml; issue 6). These pages are asked for one after another by different
 * people, so every page after the first is built from kept markup: each must still be the viewer's own
 * (their reactions, votes, bookmarks, links and CSRF token) and show every change at once.
 */
/** A JSON API call with the browser's session cookie and CSRF header. */
function api(t: TestApp, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body: unknown, b: Browser) {
  return t.app.inject({ method, url, headers: { cookie: b.cookie, 'x-csrf-token': b.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
}

describeEachDialect('kept post markup on the topic page', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let other: Browser;
  let steward2: Browser;
  let topic: { id: number };
  let answer: number;
  let own: number;
  let bookmarked: number;
  /** The browser with a CSRF token of its own, so a page carrying someone else's would show. */
  const withToken = (b: Browser, c: string): Browser => ({ ...b, cookie: b.cookie.replace(/gh_csrf=[^;]+/, `gh_csrf=${c.repeat(40)}`), csrf: c.repeat(40) });
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    const second = await newMember(t, [w.pub.id], { display_name: 'Eve Second' });
    other = withToken(second.as, 'k');
    // A second steward: both may accept answers, so the answers' kept markup (Accept forms, with a token) is the same for both.
    steward2 = withToken((await newMember(t, [w.pub.id], { display_name: 'Flo Steward' }, 'steward')).as, 's');
    topic = await startTopicVia(t, w.as.steward, w.pub.slug, { kind: 'question', title: 'Which oil for the board?', body: 'Mineral or linseed?' });
    answer = (await replyVia(t, w.as.steward, topic.id, 'Mineral oil, food safe.')).id;
    bookmarked = (await replyVia(t, w.as.steward, topic.id, 'Beeswax on top.')).id;
    own = (await replyVia(t, w.as.member, topic.id, 'Linseed, boiled.')).id;
    expect((await api(t, 'PUT', `/api/v1/posts/${answer}/reactions/thanks`, undefined, w.as.member)).statusCode).toBe(200);
    expect((await api(t, 'PUT', `/api/v1/posts/${bookmarked}/bookmark`, undefined, w.as.member)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  const page = async (b: Pick<Browser, 'cookie'> | null) => {
    const res = await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic.id}`, headers: b ? { cookie: b.cookie } : {} });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const reactionButton = (body: string, postId: number, reaction: string) => new RegExp(`formaction="/posts/${postId}/reactions" name="reaction" value="([+-])${reaction}"[^>]*aria-pressed="(true|false)" title="[^"]*: (\\d+)"`).exec(body)?.slice(1);

  it("shows each viewer their own reactions and bookmarks on the same kept post", async () => {
    for (let round = 0; round < 2; round++) {
      const mine = await page(w.as.member);
      const theirs = await page(other);
      expect(reactionButton(mine, answer, 'thanks')).toEqual(['-', 'true', '1']);
      expect(reactionButton(theirs, answer, 'thanks')).toEqual(['+', 'false', '1']);
      expect(mine).toMatch(new RegExp(`formaction="/posts/${bookmarked}/bookmark" name="on" value="0"[^>]*aria-pressed="true"`));
      expect(theirs).toMatch(new RegExp(`formaction="/posts/${bookmarked}/bookmark" name="on" value="1"[^>]*aria-pressed="false"`));
    }
  });

  it("carries the viewer's own CSRF token in every form of a kept post, never another viewer's or the placeholder", async () => {
    const accept = new RegExp(`action="/c/${w.pub.slug}/t/${topic.id}/posts/${answer}/accept"><input type="hidden" name="_csrf" value="([^"]+)"`);
    const first = await page(w.as.steward);
    const second = await page(steward2);
    expect(accept.exec(first)?.[1]).toBe(w.as.steward.csrf);
    expect(accept.exec(second)?.[1]).toBe(steward2.csrf);
    for (const body of [second, await page(other)]) {
      expect(body).not.toContain(w.as.steward.csrf);
      expect(body).not.toContain('gh-kept-csrf');
    }
    expect(await page(other)).toContain(`value="${other.csrf}"`);
  });

  it("gives an author's own post its Edit and Delete links, and no vote buttons, for them alone", async () => {
    const edit = `href="/c/${w.pub.slug}/t/${topic.id}/posts/${own}/edit"`;
    const upvote = new RegExp(`formaction="/c/${w.pub.slug}/t/${topic.id}/posts/${own}/vote" name="value" value="1"`);
    const mine = await page(w.as.member);
    const theirs = await page(other);
    expect(mine).toContain(edit);
    expect(mine).not.toMatch(upvote);
    expect(theirs).not.toContain(edit);
    expect(theirs).toMatch(upvote);
    expect(await page(null)).not.toContain(edit);
  });

  it('shows a new reaction, vote, edit and deletion on the next view of a kept page', async () => {
    await page(w.as.member);
    await page(other);
    const score = new RegExp(`data-vote-post="${answer}"[^]*?<span data-vote-score="true">(-?\\d+)</span>`);
    expect(score.exec(await page(w.as.member))?.[1]).toBe('0');
    expect((await api(t, 'PUT', `/api/v1/posts/${answer}/vote`, { value: 1 }, other)).statusCode).toBe(200);
    expect(score.exec(await page(w.as.member))?.[1]).toBe('1');
    expect((await api(t, 'PUT', `/api/v1/posts/${answer}/reactions/thanks`, undefined, other)).statusCode).toBe(200);
    expect(reactionButton(await page(w.as.member), answer, 'thanks')).toEqual(['-', 'true', '2']);
    expect(reactionButton(await page(other), answer, 'thanks')).toEqual(['-', 'true', '2']);

    expect((await api(t, 'PATCH', `/api/v1/posts/${own}`, { body: 'Linseed, boiled, three coats.' }, w.as.member)).statusCode).toBe(200);
    const edited = await page(other);
    expect(edited).toContain('Linseed, boiled, three coats.');
    expect(edited).toContain(`/posts/${own}/revisions">edited`);

    expect((await api(t, 'DELETE', `/api/v1/posts/${own}`, { reason: 'Off topic' }, w.as.steward)).statusCode).toBeLessThan(300);
    expect(await page(other)).not.toContain('three coats');
    const steward = await page(w.as.steward);
    expect(steward).toContain('three coats');
    expect(steward).toContain('shown to you as a moderator');
  });
});
