import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';
import type { Actor } from '../core/permissions/index.ts';
import { places, roles, routesOf, type Place, type Role, signInRoles } from '../discussions/moderation/authz.fixtures.ts';
import { acceptAnswer } from '../discussions/answers/accept.service.ts';
import { replyToTopic, startTopic } from '../discussions/posting.service.ts';
import { createArticle } from '../knowledge/articles/articles.service.ts';
import { createTerm } from '../knowledge/glossary/glossary.service.ts';
import { rebuildSearchIndex } from './search.index.ts';
import { searchRoutes } from './search.routes.ts';
import type { SearchResponse } from './search.schema.ts';

type U = { id: number; username: string; display_name: string; role: 'admin' | 'member' };
const actorOf = (u: U): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role });
const readers: Role[] = ['member', 'moderator', 'steward'];

/** Every route searchRoutes registers, and how each role calls it with a query. */
const table = [
  { method: 'GET', route: '/api/v1/search', url: (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}` },
  { method: 'GET', route: '/search', url: (q: string) => `/search?q=${encodeURIComponent(q)}` },
];

describeEachDialect('search visibility and authorization matrix', (dialect) => {
  let t: TestApp;
  const as = new Map<Role, Browser | undefined>();
  const secret = new Map<Place, string>();
  /** A second word in every document, never searched for: it reaches a response only through a result. */
  const hush = (place: Place) => `hush${place}${dialect}`;
  const slug = new Map<Place, string>();
  let loner: U;
  const get = (url: string, role: Role) => api(t, 'GET', url, undefined, as.get(role));

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const people = await signInRoles(t, as);
    const steward = actorOf(people.steward);
    for (const place of places) {
      const word = `zq${place}secret${dialect} ${hush(place)}`;
      secret.set(place, `zq${place}secret${dialect}`);
      const c = await makeCommunity(db, people.steward.id, place === 'public' ? { name: `Guild ${hush(place)}`, description: word } : { name: `Guild ${hush(place)}`, description: word, visibility: 'private', join_policy: 'invite' });
      slug.set(place, c.slug);
      await addMember(db, c.id, people.moderator.id, 'moderator');
      await addMember(db, c.id, people.member.id, 'member');
      const { topicId } = await startTopic(t.deps, steward, c.slug, { kind: 'question', title: `Question ${word}`, body: `Opening ${word}`, tags: ['hushed'] });
      const answer = (await replyToTopic(t.deps, steward, topicId, `Answer ${word}`)).post.id;
      await acceptAnswer(t.deps, steward, topicId, answer);
      await createArticle(t.deps, steward, c.slug, { type: 'how-to', title: `Article ${word}`, body: `Body ${word}`, tags: [], wiki: false });
      await createTerm(t.deps, steward, c.slug, { term: `Term${place}${dialect}`, definition: `Meaning ${word}`, synonyms: [] });
    }
    // A person whose only community is the private one is still found by anyone (as on /members).
    loner = await makeUser(db, { display_name: `Loner zqlonely${dialect}` });
    await addMember(db, (await db.selectFrom('communities').select('id').where('slug', '=', slug.get('private')!).executeTakeFirstOrThrow()).id, loner.id);
    await rebuildSearchIndex(db);
  });
  afterAll(() => t.close());

  it('covers every route searchRoutes registers', async () => {
    expect(await routesOf(searchRoutes, t.deps)).toEqual(table.map((rc) => `${rc.method} ${rc.route}`).sort());
  });

  for (const rc of table) {
    describe(`${rc.method} ${rc.route}`, () => {
      for (const place of places) {
        it(`answers every role 200, and shows a ${place} community's topics, posts, articles, terms and the community itself to its readers only`, async () => {
          const word = secret.get(place)!;
          for (const role of roles) {
            const res = await get(rc.url(word), role);
            expect(res.statusCode, role).toBe(200);
            const reader = place === 'public' || readers.includes(role);
            expect(res.body.includes(hush(place)), `${role} ${place}`).toBe(reader);
            if (rc.route === '/api/v1/search') {
              const body = res.json() as SearchResponse;
              expect(body.items.map((i) => i.kind).sort(), role).toEqual(reader ? ['article', 'community', 'post', 'term', 'topic'] : []);
              expect(body.total, role).toBe(reader ? 5 : 0);
              expect(body.counts, role).toEqual(reader ? { article: 1, community: 1, post: 1, term: 1, topic: 1 } : {});
            }
          }
        });
      }
    });
  }

  it('keeps private content out of every filter and sort for non-members', async () => {
    const word = secret.get('private')!;
    for (const role of ['anonymous', 'outsider', 'admin (not a member)'] as const) {
      for (const extra of ['&sort=date', '&solved=true', '&kind=post', '&state=draft', '&tag=hushed', '&kind=community', '&kind=term']) {
        const res = await get(`/api/v1/search?q=${word}${extra}`, role);
        expect(res.statusCode, `${role} ${extra}`).toBe(200);
        expect(res.body.includes(hush('private')), `${role} ${extra}`).toBe(false);
        expect((res.json() as SearchResponse).total).toBe(0);
      }
    }
  });

  it('answers a community filter naming a private community exactly as one that does not exist', async () => {
    const hidden = await get(`/api/v1/search?q=x&community=${slug.get('private')!}`, 'outsider');
    const missing = await get('/api/v1/search?q=x&community=no-such-community', 'outsider');
    expect(hidden.statusCode).toBe(400);
    expect(missing.statusCode).toBe(400);
    const msg = (r: typeof hidden) => (r.json() as { error: { details: { field: string; message: string }[] } }).error.details[0]!;
    expect(msg(hidden).field).toBe('community');
    expect(msg(hidden).message.replace(slug.get('private')!, 'S')).toBe(msg(missing).message.replace('no-such-community', 'S'));
    const member = await get(`/api/v1/search?q=${secret.get('private')!}&community=${slug.get('private')!}`, 'member');
    expect((member.json() as SearchResponse).total).toBe(5);
  });

  it('finds members by anyone, even those who belong only to a private community', async () => {
    for (const role of roles) {
      const body = (await get(`/api/v1/search?q=zqlonely${dialect}`, role)).json() as SearchResponse;
      expect(body.items.map((i) => [i.kind, i.url]), role).toEqual([['member', `/u/${loner.username}`]]);
    }
  });
});
