import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { tickingClock } from '../discussions.fixtures.ts';
import { call, count, moderationWorld, replyVia, topicVia, type ModerationWorld } from '../moderation/moderation.fixtures.ts';

interface Counted {
  reaction: string;
  count: number;
  mine: boolean;
}

describeEachDialect('reactions', (dialect) => {
  let t: TestApp;
  let w: ModerationWorld;
  let topic: number;
  let post: number;
  let privPost: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await moderationWorld(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    topic = await topicVia(t, w.as.member, w.pub.slug);
    post = await replyVia(t, w.as.steward, topic, 'A helpful reply');
    privPost = await replyVia(t, w.as.steward, await topicVia(t, w.as.member, w.priv.slug, { title: 'Whisper Qz' }));
  });

  const of = (body: { reactions: Counted[] }, reaction: string) => body.reactions.find((r) => r.reaction === reaction)!;

  describe('PUT and DELETE /api/v1/posts/:id/reactions/:reaction', () => {
    it('counts each member’s reaction once, says which are mine, and takes it back', async () => {
      const first = await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.member);
      expect(first.statusCode).toBe(200);
      expect(of(first.json(), 'thanks')).toMatchObject({ count: 1, mine: true });
      expect(of((await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.member)).json(), 'thanks').count).toBe(1);
      const second = (await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.moderator)).json();
      expect(of(second, 'thanks')).toMatchObject({ count: 2, mine: true });
      expect(of(second, 'love')).toMatchObject({ count: 0, mine: false });
      const anonymous = (await call(t, 'GET', `/api/v1/posts/${post}/reactions`)).json();
      expect(of(anonymous, 'thanks')).toMatchObject({ count: 2, mine: false });
      const undone = (await call(t, 'DELETE', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.member)).json();
      expect(of(undone, 'thanks')).toMatchObject({ count: 1, mine: false });
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(1);
    });

    it('records post.reacted and post.unreacted once per change', async () => {
      await call(t, 'PUT', `/api/v1/posts/${post}/reactions/insightful`, undefined, w.as.member);
      await call(t, 'PUT', `/api/v1/posts/${post}/reactions/insightful`, undefined, w.as.member);
      await call(t, 'DELETE', `/api/v1/posts/${post}/reactions/insightful`, undefined, w.as.member);
      await call(t, 'DELETE', `/api/v1/posts/${post}/reactions/insightful`, undefined, w.as.member);
      const rows = await t.deps.db.selectFrom('activity').select(['verb', 'actor_id', 'community_id']).where('subject_type', '=', 'post').where('subject_id', '=', post).where('verb', 'like', 'post.%react%').orderBy('id').execute();
      expect(rows).toEqual([
        { verb: 'post.reacted', actor_id: w.member.id, community_id: w.pub.id },
        { verb: 'post.unreacted', actor_id: w.member.id, community_id: w.pub.id },
      ]);
    });

    it('lets members react to their own posts and to posts of a private community they belong to', async () => {
      expect((await call(t, 'PUT', `/api/v1/posts/${post}/reactions/celebrate`, undefined, w.as.steward)).statusCode).toBe(200);
      expect((await call(t, 'PUT', `/api/v1/posts/${privPost}/reactions/looking`, undefined, w.as.member)).statusCode).toBe(200);
    });

    it('rejects an unknown reaction with 400 naming it, and writes nothing', async () => {
      const res = await call(t, 'PUT', `/api/v1/posts/${post}/reactions/sparkles`, undefined, w.as.member);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'reaction' })]);
      expect(res.json().error.message).toContain('sparkles');
      expect(res.json().error.message).toContain('thanks, celebrate, insightful, love, looking');
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
    });

    it('refuses anonymous (401), readers who are not members (403), outsiders of a private community and deleted posts (404), writing nothing', async () => {
      const before = await count(t.deps.db, 'activity');
      expect((await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`)).statusCode).toBe(401);
      expect((await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.outsider)).statusCode).toBe(403);
      expect((await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.admin)).statusCode).toBe(403);
      const hidden = await call(t, 'PUT', `/api/v1/posts/${privPost}/reactions/thanks`, undefined, w.as.outsider);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('Whisper');
      expect((await call(t, 'GET', `/api/v1/posts/${privPost}/reactions`, undefined, w.as.outsider)).statusCode).toBe(404);
      await t.deps.db.updateTable('posts').set({ deleted_at: new Date().toISOString() }).where('id', '=', post).execute();
      expect((await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.member)).statusCode).toBe(404);
      expect((await call(t, 'PUT', `/api/v1/posts/999999/reactions/thanks`, undefined, w.as.member)).statusCode).toBe(404);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: privPost })).toBe(0);
      expect(await count(t.deps.db, 'activity')).toBe(before);
    });
  });

  describe('reaction buttons on the topic page', () => {
    it('shows members a button for each reaction given so far (pressed for their own) and one link to all five', async () => {
      await call(t, 'PUT', `/api/v1/posts/${post}/reactions/love`, undefined, w.as.moderator);
      const res = await postForm(t, `/posts/${post}/reactions`, { reaction: 'love', on: '1' }, w.as.member);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/c/${w.pub.slug}/t/${topic}#post-${post}`);
      await call(t, 'PUT', `/api/v1/posts/${post}/reactions/celebrate`, undefined, w.as.moderator);
      const body = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic}`, headers: { cookie: w.as.member.cookie } })).body;
      expect(body).toContain(`name="reaction" value="-love" aria-pressed="true" title="Love: 2"><span aria-hidden="true">❤️ 2</span></button>`);
      expect(body).toContain(`name="reaction" value="+celebrate" aria-pressed="false" title="Celebrate: 1">`);
      // Nobody gave the other three: no button for them, only the link to the post's reaction page.
      expect(body).not.toMatch(/title="[^"]+: 0"/);
      expect(body).not.toContain('value="+thanks"');
      expect(body.split(`<a href="/posts/${post}/reactions" aria-label="Add a reaction"`)).toHaveLength(2);
      // No form per post: each button submits the page's one form (CSRF token, way back) to its post's
      // address; the pressed button takes the reaction back, the others give theirs. No type or class.
      expect(body.match(/<form id="post-actions" method="post" hidden><input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="next" value="[^"]+"\/><\/form>/g)).toHaveLength(1);
      expect(body).not.toContain(` action="/posts/${post}/reactions"`);
      expect(body.split(`<button form="post-actions" formaction="/posts/${post}/reactions" name="reaction"`)).toHaveLength(3);
      expect(body).not.toContain('reaction--button');
      expect(body).not.toMatch(/<button type="submit" form="post-actions"/);
    });

    it('shows members only the link on a post nobody reacted to', async () => {
      const opening = (await t.deps.db.selectFrom('posts').select('id').where('topic_id', '=', topic).where('kind', '=', 'opening').executeTakeFirstOrThrow()).id;
      const body = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic}`, headers: { cookie: w.as.member.cookie } })).body;
      for (const id of [opening, post]) {
        expect(body).toContain(`<div class="reactions" role="group" aria-label="Reactions"><a href="/posts/${id}/reactions" aria-label="Add a reaction" title="Add a reaction">☺+</a></div>`);
      }
      expect(body).not.toContain(`formaction="/posts/${post}/reactions"`);
      expect(body).not.toContain(`formaction="/posts/${opening}/reactions"`);
    });

    it('works as a browser without JavaScript submits it: the page form’s fields and the button’s name and value, to its formaction', async () => {
      await call(t, 'PUT', `/api/v1/posts/${post}/reactions/thanks`, undefined, w.as.moderator);
      const url = `/c/${w.pub.slug}/t/${topic}`;
      const page = async () => (await t.app.inject({ url, headers: { cookie: w.as.member.cookie } })).body;
      /** What a browser sends for the button `form="post-actions" formaction=…` with this name and value. */
      const press = async (html: string, name: string, value: string) => {
        const button = new RegExp(`<button[^>]*form="post-actions" formaction="(/posts/${post}/[a-z]+)" name="${name}" value="${value.replace('+', '\\+')}"`).exec(html);
        expect(button).not.toBeNull();
        const form = /<form id="post-actions"[^>]*>(.*?)<\/form>/.exec(html)?.[1] ?? '';
        const fields = new URLSearchParams([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [m[1]!, m[2]!] as [string, string]));
        fields.append(name, value);
        return t.app.inject({ method: 'POST', url: button![1]!, headers: { cookie: w.as.member.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: fields.toString() });
      };
      const given = await press(await page(), 'reaction', '+thanks');
      expect(given.statusCode).toBe(303);
      expect(given.headers.location).toBe(`${url}#post-${post}`);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(2);
      expect((await press(await page(), 'reaction', '-thanks')).statusCode).toBe(303);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(1);
      expect((await press(await page(), 'on', '1')).statusCode).toBe(303);
      expect(await count(t.deps.db, 'bookmarks', { column: 'post_id', value: post })).toBe(1);
      expect(await page()).toMatch(new RegExp(`<button form="post-actions" formaction="/posts/${post}/bookmark" name="on" value="0" class="link-button bookmark-button" aria-pressed="true"`));
    });

    it('gives and takes back a reaction with the buttons the page sends (+reaction / -reaction)', async () => {
      const give = await postForm(t, `/posts/${post}/reactions`, { reaction: '+insightful' }, w.as.member);
      expect(give.statusCode).toBe(303);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(1);
      await postForm(t, `/posts/${post}/reactions`, { reaction: '+insightful' }, w.as.member);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(1);
      await postForm(t, `/posts/${post}/reactions`, { reaction: '-insightful' }, w.as.member);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
      expect((await postForm(t, `/posts/${post}/reactions`, { reaction: '+nope' }, w.as.member)).statusCode).toBe(400);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
    });

    it('takes the reaction back with on=0 and returns to the page the form was on', async () => {
      await postForm(t, `/posts/${post}/reactions`, { reaction: 'thanks', on: '1' }, w.as.member);
      const res = await t.app.inject({
        method: 'POST',
        url: `/posts/${post}/reactions`,
        headers: { cookie: w.as.member.cookie, 'content-type': 'application/x-www-form-urlencoded', referer: `http://localhost/c/${w.pub.slug}/t/${topic}?cursor=abc` },
        payload: new URLSearchParams({ _csrf: w.as.member.csrf, reaction: 'thanks', on: '0' }).toString(),
      });
      expect(res.headers.location).toBe(`/c/${w.pub.slug}/t/${topic}?cursor=abc#post-${post}`);
      expect(await count(t.deps.db, 'reactions', { column: 'post_id', value: post })).toBe(0);
    });

    it('shows readers who are not members the counts but no buttons, and answers their form with 403', async () => {
      await call(t, 'PUT', `/api/v1/posts/${post}/reactions/celebrate`, undefined, w.as.member);
      const body = (await t.app.inject({ url: `/c/${w.pub.slug}/t/${topic}`, headers: { cookie: w.as.outsider.cookie } })).body;
      expect(body).toContain('aria-label="Celebrate: 1"');
      expect(body).not.toContain(`/posts/${post}/reactions"`);
      expect((await postForm(t, `/posts/${post}/reactions`, { reaction: 'thanks' }, w.as.outsider)).statusCode).toBe(403);
      expect((await postForm(t, `/posts/${post}/reactions`, { reaction: 'nope' }, w.as.member)).statusCode).toBe(400);
    });
  });
});
