import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase } from './authz.fixtures.ts';
import { call, topicVia } from './moderation.fixtures.ts';
import { moderationRoutes } from './moderation.routes.ts';

interface Spot {
  slug: string;
  secret: string;
  /** A fresh topic for each call, so every act has something to change. */
  fresh(): Promise<number>;
  /** A topic to merge into. */
  target: number;
  /** A community every moderator and steward also moderates, to move into. */
  elsewhere: string;
}

const acts = ['pin', 'unpin', 'lock', 'unlock', 'reopen'] as const;
const bodies: Record<string, (p: Spot) => Record<string, unknown>> = {
  close: () => ({ reason: 'off_domain' }),
  move: (p) => ({ community: p.elsewhere }),
  merge: (p) => ({ targetId: p.target }),
};
const forms: Record<string, (p: Spot) => Record<string, string>> = {
  close: () => ({ reason: 'off_domain' }),
  move: (p) => ({ community: p.elsewhere }),
  merge: (p) => ({ targetId: String(p.target) }),
};

const table: Array<RouteCase<Spot>> = [
  { method: 'GET', route: '/api/v1/topics/:id/moderation', need: 'read', ok: 200, call: async (t, p, b) => call(t, 'GET', `/api/v1/topics/${await p.fresh()}/moderation`, undefined, b) },
  ...[...acts, 'close', 'move', 'merge'].map((a): RouteCase<Spot> => ({
    method: 'POST', route: `/api/v1/topics/:id/${a}`, need: 'moderate', ok: 200,
    call: async (t, p, b) => call(t, 'POST', `/api/v1/topics/${await p.fresh()}/${a}`, bodies[a]?.(p) ?? {}, b),
  })),
  { method: 'GET', route: '/c/:slug/t/:id/moderate', need: 'moderate', ok: 200, anonymous: 303, call: async (t, p, b) => t.app.inject({ url: `/c/${p.slug}/t/${await p.fresh()}/moderate`, headers: b ? { cookie: b.cookie } : {} }) },
  ...[...acts, 'close', 'move', 'merge'].map((a): RouteCase<Spot> => ({
    method: 'POST', route: `/c/:slug/t/:id/${a}`, need: 'moderate', ok: 303,
    call: async (t, p, b) => postForm(t, `/c/${p.slug}/t/${await p.fresh()}/${a}`, forms[a]?.(p) ?? {}, b),
  })),
];

describeEachDialect('moderation authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const [steward, moderator, member, outsider, admin] = [await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db), await makeUser(db, { role: 'admin' })];
    as.set('anonymous', undefined);
    as.set('outsider', await signInAs(t, outsider.id));
    as.set('member', await signInAs(t, member.id));
    as.set('moderator', await signInAs(t, moderator.id));
    as.set('steward', await signInAs(t, steward.id));
    as.set('admin (not a member)', await signInAs(t, admin.id));
    const elsewhere = await makeCommunity(db, steward.id);
    await addMember(db, elsewhere.id, moderator.id, 'moderator');
    for (const place of places) {
      const c = await makeCommunity(db, steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, moderator.id, 'moderator');
      await addMember(db, c.id, member.id, 'member');
      const secret = `MODSECRET${dialect}${place}`;
      const m = as.get('member')!;
      spots.set(place, { slug: c.slug, secret, fresh: () => topicVia(t, m, c.slug, { title: `Title ${secret}`, body: `Body ${secret}` }), target: await topicVia(t, m, c.slug, { title: `Target ${secret}` }), elsewhere: elsewhere.slug });
    }
  });
  afterAll(async () => t.close());

  it('covers every route moderationRoutes registers', async () => {
    expect(await routesOf(moderationRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role as the rules say in a ${place} community, and refusals leak nothing`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc.need, rc.ok, role, place, rc.anonymous);
            if (res.statusCode >= 400) expect(res.body, `${role} saw the topic`).not.toContain(p.secret);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});
