import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousBrowser, buildTestApp, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity } from '../../../test/helpers/factories.ts';
import { expected, places, roles, routesOf, type Place, type Role, type RouteCase, signInRoles } from '../../discussions/moderation/authz.fixtures.ts';
import { createArticle } from '../articles/articles.service.ts';
import { upload } from '../attachments/attachments.fixtures.ts';
import { zipKnowledge } from './export.service.ts';
import { knowledgeCounts } from './transfer.fixtures.ts';
import { transferRoutes } from './transfer.routes.ts';

interface Spot {
  slug: string;
  secret: string;
}

const get = (t: TestApp, url: string, b: Browser | undefined) => t.app.inject({ url, headers: b ? { cookie: b.cookie } : {} });
/** The text a response carries: the page, or every file of the zip. */
const textOf = (res: LightMyRequestResponse) =>
  res.statusCode === 200 && res.headers['content-type'] === 'application/zip' ? Object.values(unzipSync(new Uint8Array(res.rawPayload))).map((d) => strFromU8(d)).join('\n') : res.body;

/** A small valid knowledge zip: one article. */
const zip = () => ({ name: 'k.zip', type: 'application/zip', bytes: zipKnowledge(new Map([['articles/imported.md', '---\ntitle: Imported\ntype: how-to\n---\nBody.\n']]), 'k') });
const send = (t: TestApp, url: string, b: Browser | undefined) => upload(t, url, zip(), b ?? anonymousBrowser());
/** Routes only stewards may use (moderators too get 403); everything else as `expected` says. */
const stewardsOnly = new Set(['/c/:slug/knowledge/import', '/api/v1/communities/:slug/knowledge/import']);

const table: Array<RouteCase<Spot>> = [
  { method: 'GET', route: '/c/:slug/knowledge/export', need: 'read', ok: 200, call: (t, p, b) => get(t, `/c/${p.slug}/knowledge/export`, b) },
  { method: 'GET', route: '/c/:slug/knowledge/export.zip', need: 'read', ok: 200, call: (t, p, b) => get(t, `/c/${p.slug}/knowledge/export.zip`, b) },
  { method: 'GET', route: '/api/v1/communities/:slug/knowledge/export', need: 'read', ok: 200, call: (t, p, b) => get(t, `/api/v1/communities/${p.slug}/knowledge/export`, b) },
  { method: 'GET', route: '/c/:slug/knowledge/import', need: 'moderate', ok: 200, anonymous: 303, call: (t, p, b) => get(t, `/c/${p.slug}/knowledge/import`, b) },
  { method: 'POST', route: '/c/:slug/knowledge/import', need: 'moderate', ok: 303, call: (t, p, b) => send(t, `/c/${p.slug}/knowledge/import`, b) },
  { method: 'POST', route: '/api/v1/communities/:slug/knowledge/import', need: 'moderate', ok: 200, call: (t, p, b) => send(t, `/api/v1/communities/${p.slug}/knowledge/import`, b) },
];

describeEachDialect('knowledge transfer authorization matrix', (dialect) => {
  let t: TestApp;
  const spots = new Map<Place, Spot>();
  const as = new Map<Role, Browser | undefined>();
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    for (const place of places) {
      const secret = `EXPORTSECRET${dialect}${place}`;
      const c = await makeCommunity(db, people.steward.id, place === 'public' ? {} : { visibility: 'private', join_policy: 'invite' });
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id, 'member');
      const steward = { id: people.steward.id, username: people.steward.username, displayName: people.steward.display_name, role: 'member' as const };
      await createArticle(t.deps, steward, c.slug, { type: 'how-to', title: 'Secret recipe', body: `The ${secret} is salt.`, tags: [], wiki: false });
      spots.set(place, { slug: c.slug, secret });
    }
  });
  afterAll(async () => t.close());

  it('covers every route transferRoutes registers', async () => {
    expect(await routesOf(transferRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers each role, and gives a ${place} community’s knowledge to its readers only`, async () => {
          const p = spots.get(place)!;
          const got: Record<string, number> = {};
          const want: Record<string, number> = {};
          for (const role of roles) {
            const before = await knowledgeCounts(t.deps.db);
            const res = await rc.call(t, p, as.get(role));
            got[role] = res.statusCode;
            want[role] = expected(rc.need, rc.ok, role, place, rc.anonymous);
            if (stewardsOnly.has(rc.route) && role === 'moderator') want[role] = 403;
            if (rc.method === 'POST' && res.statusCode >= 400) expect(await knowledgeCounts(t.deps.db), `${role} wrote something`).toEqual(before);
            const reader = place === 'public' || ['member', 'moderator', 'steward'].includes(role);
            if (!reader) expect(res.body, `${role} saw the private knowledge`).not.toContain(p.secret);
            else if (rc.method === 'GET' && (rc.route.endsWith('export.zip') || rc.route.startsWith('/api'))) expect(textOf(res), `${role} got the knowledge`).toContain(p.secret);
          }
          expect(got).toEqual(want);
        });
      }
    });
  }
});
