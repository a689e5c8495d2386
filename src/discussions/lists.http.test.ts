import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../test/helpers/factories.ts';
import { discussionsWorld, replyVia, startTopicVia, tickingClock } from './discussions.fixtures.ts';

type Item = { id: number; title: string; solved: boolean; pinned: boolean };

describeEachDialect('topic lists', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof discussionsWorld>>;
  let slug: string;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    w = await discussionsWorld(t);
    const c = await makeCommunity(t.deps.db, w.steward.id, { name: 'Lists' });
    await addMember(t.deps.db, c.id, w.member.id);
    slug = c.slug;
    const start = (b: Browser, title: string, kind = 'question', tags?: string[]) => startTopicVia(t, b, slug, { title, kind, tags }).then((x) => (ids[title] = x.id));
    await start(w.as.member, 'Pinned rules', 'discussion');
    await start(w.as.member, 'Unanswered question', 'question', ['edge']);
    await start(w.as.steward, 'Answered question');
    await start(w.as.member, 'Solved question', 'question', ['edge']);
    await start(w.as.steward, 'Closed question');
    await start(w.as.member, 'A discussion', 'discussion');
    await start(w.as.member, 'Deleted question');
    await replyVia(t, w.as.member, ids['Answered question']!, 'An answer');
    const accepted = await replyVia(t, w.as.steward, ids['Solved question']!, 'The answer');
    const db = t.deps.db;
    await db.updateTable('topics').set({ accepted_post_id: accepted.id }).where('id', '=', ids['Solved question']!).execute();
    await db.updateTable('topics').set({ closed_at: new Date().toISOString(), close_reason: 'off_domain' }).where('id', '=', ids['Closed question']!).execute();
    await db.updateTable('topics').set({ pinned_at: new Date().toISOString() }).where('id', '=', ids['Pinned rules']!).execute();
    const opening = await db.selectFrom('posts').select('id').where('topic_id', '=', ids['Deleted question']!).executeTakeFirstOrThrow();
    expect((await api(t, 'DELETE', `/api/v1/posts/${opening.id}`, { reason: 'spam' }, w.as.member)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  const list = async (query: string, b?: Browser) => {
    const res = await api(t, 'GET', `/api/v1/communities/${slug}/topics?limit=100&${query}`, undefined, b);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Item[];
  };
  const titles = (items: Item[]) => items.map((i) => i.title);

  describe('GET /api/v1/communities/:slug/topics', () => {
    it('latest: every topic but deleted ones, by last activity', async () => {
      expect(titles(await list(''))).toEqual(['Solved question', 'Answered question', 'A discussion', 'Closed question', 'Unanswered question', 'Pinned rules']);
    });

    it('unanswered: open questions without answers only', async () => {
      expect(titles(await list('view=unanswered'))).toEqual(['Unanswered question']);
    });

    it('solved: questions with an accepted answer, marked solved', async () => {
      const items = await list('view=solved');
      expect(titles(items)).toEqual(['Solved question']);
      expect(items[0]?.solved).toBe(true);
    });

    it('combines a view with the kind and tag filters', async () => {
      expect(titles(await list('kind=discussion'))).toEqual(['A discussion', 'Pinned rules']);
      expect(titles(await list('tag=edge'))).toEqual(['Solved question', 'Unanswered question']);
      expect(titles(await list('view=unanswered&tag=edge'))).toEqual(['Unanswered question']);
      expect(await list('view=solved&kind=discussion')).toEqual([]);
    });

    it('rejects an unknown view with 400 naming view', async () => {
      const res = await api(t, 'GET', `/api/v1/communities/${slug}/topics?view=hot`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('view');
    });
  });

  describe('GET /c/:slug/topics', () => {
    const page = (q = '', b?: Browser) => t.app.inject({ url: `/c/${slug}/topics${q}`, headers: b ? { cookie: b.cookie } : {} });

    it('shows pinned topics first, once, then the rest by activity', async () => {
      const body = (await page()).body;
      const pinnedAt = body.indexOf('Pinned rules');
      expect(body).toContain('<h2 id="pinned-h">Pinned</h2>');
      expect(pinnedAt).toBeGreaterThan(-1);
      expect(pinnedAt).toBeLessThan(body.indexOf('Solved question'));
      expect(body.split('Pinned rules').length - 1).toBe(1);
      expect(body).not.toContain('Deleted question');
    });

    it('marks solved questions with a Solved badge in every list', async () => {
      const badge = '<span class="badge badge--solved">Solved</span>';
      for (const url of [`/c/${slug}/topics`, `/c/${slug}/topics?view=solved`, `/c/${slug}/tags/edge`, '/me/topics']) {
        const res = await t.app.inject({ url, headers: { cookie: w.as.member.cookie } });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(badge);
      }
    });

    it('offers the three lists as tabs, the current one marked', async () => {
      const body = (await page('?view=unanswered')).body;
      expect(body).toContain(`<a href="/c/${slug}/topics?view=unanswered" aria-current="true">Unanswered</a>`);
      expect(body).toContain('Unanswered question');
      expect(body).not.toContain('Answered question<');
    });

    it('explains an empty filtered list', async () => {
      const body = (await page('?view=solved&kind=discussion')).body;
      expect(body).toContain('No topics match these filters');
    });

    it('shows the Start a topic button to members only', async () => {
      expect((await page('', w.as.member)).body).toContain(`href="/c/${slug}/t/new"`);
      expect((await page('', w.as.outsider)).body).not.toContain(`class="button button--small" href="/c/${slug}/t/new"`);
    });
  });

  describe('my topics', () => {
    it('GET /api/v1/me/topics lists the topics I started in every community I can read, not deleted ones', async () => {
      const secret = await startTopicVia(t, w.as.member, w.secret.slug, { title: 'My private topic' });
      const res = await api(t, 'GET', '/api/v1/me/topics?limit=100', undefined, w.as.member);
      const got = titles(res.json().items);
      expect(got).toContain('My private topic');
      expect(got).toContain('Solved question');
      expect(got).not.toContain('Answered question');
      expect(got).not.toContain('Deleted question');
      expect(res.json().items.find((i: Item) => i.id === secret.id).community.slug).toBe(w.secret.slug);
    });

    it('filters my topics by view and kind', async () => {
      const res = await api(t, 'GET', '/api/v1/me/topics?limit=100&view=solved', undefined, w.as.member);
      expect(titles(res.json().items)).toEqual(['Solved question']);
      const discussions = titles((await api(t, 'GET', '/api/v1/me/topics?limit=100&kind=discussion', undefined, w.as.member)).json().items);
      expect(discussions).toEqual(['My private topic', 'A discussion', 'Pinned rules']);
    });

    it('drops topics in a community I can no longer read', async () => {
      const c = await makeCommunity(t.deps.db, w.steward.id, { visibility: 'private', join_policy: 'invite' });
      await addMember(t.deps.db, c.id, w.outsider.id);
      await startTopicVia(t, w.as.outsider, c.slug, { title: 'Before I left' });
      expect(titles((await api(t, 'GET', '/api/v1/me/topics', undefined, w.as.outsider)).json().items)).toEqual(['Before I left']);
      await t.deps.db.deleteFrom('memberships').where('community_id', '=', c.id).where('user_id', '=', w.outsider.id).execute();
      expect((await api(t, 'GET', '/api/v1/me/topics', undefined, w.as.outsider)).json().items).toEqual([]);
    });

    it('answers 401 to anonymous callers; the page sends them to sign in', async () => {
      expect((await api(t, 'GET', '/api/v1/me/topics')).statusCode).toBe(401);
      const res = await t.app.inject({ url: '/me/topics' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/signin?next=%2Fme%2Ftopics');
    });

    it('the page shows where each topic lives', async () => {
      const res = await t.app.inject({ url: '/me/topics', headers: { cookie: w.as.member.cookie } });
      expect(res.body).toContain('<h1>Your topics</h1>');
      expect(res.body).toContain('In Quiet Room');
    });
  });
});
