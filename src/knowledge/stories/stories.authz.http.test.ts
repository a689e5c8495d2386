import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../../test/helpers/factories.ts';
import { apiDelete, makeAnswer, makeQuestion } from '../../discussions/answers/answers.fixtures.ts';
import { tickingClock } from '../../discussions/discussions.fixtures.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase, signInRoles } from '../../discussions/moderation/authz.fixtures.ts';
import { storiesRoutes } from './stories.routes.ts';
import { storyCounts } from './stories.fixtures.ts';

/*
 * Every stories route × role × public/private community. The story is the steward's (not a wiki), so
 * changing its links needs 'moderate' (stewards and moderators; members 403). Promoting needs
 * membership. Write routes get a fresh target, link or thread per call; refused writes change nothing.
 */

interface Spot {
  slug: string;
  communityId: number;
  storyId: number;
  topicId: number;
  secret: string;
  stewardId: number;
  fresh: () => Promise<number>;
  /** What a write route's prepare step made for its next call (a fresh thread or link id). */
  next: number;
}

const get = (t: TestApp, url: string, b?: Browser) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });

/** A fresh discussion in the spot's community (a promotable thread and a link target). */
async function freshLink(t: TestApp, p: Spot): Promise<number> {
  const topicId = await p.fresh();
  const { id } = await t.deps.db
    .insertInto('story_links')
    .values({ story_id: p.storyId, community_id: p.communityId, target_type: 'topic', target_id: topicId, created_by: p.stewardId, created_at: '2026-11-02T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const table: Array<RouteCase<Spot> & { prepare?: (t: TestApp, p: Spot) => Promise<number> }> = [
  { method: 'GET', route: '/c/:slug/stories', need: 'read', ok: 200, call: (t, p, b) => get(t, `/c/${p.slug}/stories`, b) },
  { method: 'GET', route: '/c/:slug/stories/new', need: 'member', ok: 200, anonymous: 303, call: (t, p, b) => get(t, `/c/${p.slug}/stories/new`, b) },
  { method: 'GET', route: '/c/:slug/t/:id/promote', need: 'member', ok: 200, anonymous: 303, call: (t, p, b) => get(t, `/c/${p.slug}/t/${p.topicId}/promote`, b) },
  { method: 'POST', route: '/c/:slug/t/:id/promote', need: 'member', ok: 303, prepare: (_t, p) => p.fresh(), call: (t, p, b) => postForm(t, `/c/${p.slug}/t/${p.next}/promote`, { type: 'reference', title: 'Promoted', body: 'Draft.' }, b) },
  { method: 'POST', route: '/c/:slug/a/:id/story-links', need: 'moderate', ok: 303, prepare: (_t, p) => p.fresh(), call: (t, p, b) => postForm(t, `/c/${p.slug}/a/${p.storyId}/story-links`, { targetType: 'topic', targetId: String(p.next) }, b) },
  { method: 'POST', route: '/c/:slug/a/:id/story-links/:linkId/remove', need: 'moderate', ok: 303, prepare: freshLink, call: (t, p, b) => postForm(t, `/c/${p.slug}/a/${p.storyId}/story-links/${p.next}/remove`, {}, b) },
  { method: 'GET', route: '/api/v1/articles/:id/story-links', need: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/articles/${p.storyId}/story-links`, undefined, b) },
  { method: 'POST', route: '/api/v1/articles/:id/story-links', need: 'moderate', ok: 201, prepare: (_t, p) => p.fresh(), call: (t, p, b) => api(t, 'POST', `/api/v1/articles/${p.storyId}/story-links`, { targetType: 'topic', targetId: p.next }, b) },
  { method: 'DELETE', route: '/api/v1/articles/:id/story-links/:linkId', need: 'moderate', ok: 204, prepare: freshLink, call: (t, p, b) => apiDelete(t, `/api/v1/articles/${p.storyId}/story-links/${p.next}`, b) },
  { method: 'GET', route: '/api/v1/articles/:id/stories', need: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/articles/${p.storyId}/stories`, undefined, b) },
  { method: 'GET', route: '/api/v1/articles/:id/captures', need: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/articles/${p.storyId}/captures`, undefined, b) },
  { method: 'GET', route: '/api/v1/topics/:id/stories', need: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/topics/${p.topicId}/stories`, undefined, b) },
  { method: 'GET', route: '/api/v1/topics/:id/captures', need: 'read', ok: 200, call: (t, p, b) => api(t, 'GET', `/api/v1/topics/${p.topicId}/captures`, undefined, b) },
  { method: 'POST', route: '/api/v1/topics/:id/promote', need: 'member', ok: 201, prepare: (_t, p) => p.fresh(), call: (t, p, b) => api(t, 'POST', `/api/v1/topics/${p.next}/promote`, {}, b) },
];

describeEachDialect('stories authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: tickingClock() });
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    for (const place of places) {
      const secret = `STORYSECRET${dialect}${place}`;
      const c = await makeCommunity(db, people.steward.id, place === 'public' ? { visibility: 'public', join_policy: 'open' } : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id, 'member');
      const fresh = async () => {
        const { topicId } = await makeQuestion(db, c.id, people.member.id, { kind: 'discussion', title: `Thread ${secret}`, body: `Opening ${secret}` });
        await makeAnswer(db, topicId, people.moderator.id, { kind: 'reply', body: 'A reply.' });
        return topicId;
      };
      const topicId = await fresh();
      const res = await api(t, 'POST', `/api/v1/communities/${c.slug}/articles`, { type: 'story', title: `Story ${secret}`, story: { context: 'c', challenge: 'c', actions: 'a', outcome: 'o', lesson: 'l' } }, as.get('steward'));
      const storyId = (res.json() as { id: number }).id;
      await api(t, 'POST', `/api/v1/articles/${storyId}/story-links`, { targetType: 'topic', targetId: topicId }, as.get('steward'));
      spots.set(place, { slug: c.slug, communityId: c.id, storyId, topicId, secret, stewardId: people.steward.id, fresh, next: 0 });
    }
  });
  afterAll(async () => t.close());

  it('covers every route storiesRoutes registers', async () => {
    expect(await routesOf(storiesRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role in a ${place} community; non-readers learn nothing and refused writes change nothing`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            if (rc.prepare) p.next = await rc.prepare(t, p);
            const before = await storyCounts(t.deps.db);
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc.need, rc.ok, role, place, rc.anonymous);
            const reader = place === 'public' || ['member', 'moderator', 'steward'].includes(role);
            if (!reader) expect(res.body, `${role} saw the private story`).not.toContain(p.secret);
            if (rc.prepare && want[role] >= 400) expect(await storyCounts(t.deps.db), `${role} wrote`).toEqual(before);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});
