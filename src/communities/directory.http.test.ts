import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';

type Item = { slug: string; name: string; tags: string[]; memberCount: number };

describeEachDialect('the community directory', (dialect) => {
  let t: TestApp;
  let member: Browser;
  let outsider: Browser;
  let admin: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const steward = await makeUser(db);
    const m = await makeUser(db);
    const make = async (slug: string, name: string, o: Parameters<typeof makeCommunity>[2], tags: string[]) => {
      const c = await makeCommunity(db, steward.id, { slug, name, ...o });
      if (tags.length) await db.insertInto('community_tags').values(tags.map((tag) => ({ community_id: c.id, tag }))).execute();
      return c;
    };
    await make('bakers', 'Bakers', { domain_statement: 'Sourdough and 100% rye', formality: 'formal', sponsor: 'Canteen', locality: 'local', location: 'York' }, ['bread', 'food']);
    const brewers = await make('brewers', 'Brewers', { domain_statement: 'Beer at home' }, ['food']);
    await make('cartographers', 'Cartographers', { domain_statement: 'Maps of the_world', visibility: 'private', join_policy: 'approval' }, ['maps']);
    const dyers = await make('dyers', 'Dyers Hidden', { domain_statement: 'Natural dyes', visibility: 'private', join_policy: 'invite' }, ['food']);
    await make('engravers', 'Engravers', { domain_statement: 'Copper plates', locality: 'local', location: 'Leeds' }, []);
    await addMember(db, brewers.id, m.id);
    await addMember(db, dyers.id, m.id);
    member = await signInAs(t, m.id);
    outsider = await signInAs(t, (await makeUser(db)).id);
    admin = await signInAs(t, (await makeUser(db, { role: 'admin' })).id);
  });
  afterAll(async () => t.close());

  const slugs = async (query: string, b?: Browser) => {
    const res = await api(t, 'GET', `/api/v1/communities${query}`, undefined, b);
    expect(res.statusCode).toBe(200);
    return (res.json().items as Item[]).map((c) => c.slug);
  };

  describe('GET /api/v1/communities', () => {
    it('lists by name, with invite-only private communities only for their members and admins', async () => {
      expect(await slugs('')).toEqual(['bakers', 'brewers', 'cartographers', 'engravers']);
      expect(await slugs('', outsider)).toEqual(['bakers', 'brewers', 'cartographers', 'engravers']);
      expect(await slugs('', member)).toEqual(['bakers', 'brewers', 'cartographers', 'dyers', 'engravers']);
      expect(await slugs('', admin)).toEqual(['bakers', 'brewers', 'cartographers', 'dyers', 'engravers']);
    });

    it('filters by tag, formality, locality and visibility', async () => {
      expect(await slugs('?tag=food')).toEqual(['bakers', 'brewers']);
      expect(await slugs('?tag=food', member)).toEqual(['bakers', 'brewers', 'dyers']);
      expect(await slugs('?formality=formal')).toEqual(['bakers']);
      expect(await slugs('?locality=local')).toEqual(['bakers', 'engravers']);
      expect(await slugs('?visibility=private')).toEqual(['cartographers']);
      expect(await slugs('?formality=informal&locality=distributed&visibility=public')).toEqual(['brewers']);
    });

    it('searches name and domain statement case-insensitively, treating % and _ literally', async () => {
      expect(await slugs('?q=BEER')).toEqual(['brewers']);
      expect(await slugs('?q=graver')).toEqual(['engravers']);
      expect(await slugs('?q=100%25')).toEqual(['bakers']);
      expect(await slugs('?q=the_world')).toEqual(['cartographers']);
      expect(await slugs('?q=the%25world')).toEqual([]);
      expect(await slugs('?q=hidden')).toEqual([]);
    });

    it('lists only my communities with mine=1, and asks anonymous callers to sign in', async () => {
      expect(await slugs('?mine=1', member)).toEqual(['brewers', 'dyers']);
      expect((await api(t, 'GET', '/api/v1/communities?mine=1')).statusCode).toBe(401);
    });

    it('pages with a cursor, each community once, in order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await api(t, 'GET', `/api/v1/communities?limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, member);
        const page = res.json() as { items: Item[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((c) => c.slug));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['bakers', 'brewers', 'cartographers', 'dyers', 'engravers']);
    });

    it('gives tags and member counts, and rejects an unknown formality with 400 naming it', async () => {
      const res = await api(t, 'GET', '/api/v1/communities?tag=bread');
      expect(res.json().items).toEqual([expect.objectContaining({ slug: 'bakers', tags: ['bread', 'food'], memberCount: 1, location: 'York' })]);
      const bad = await api(t, 'GET', '/api/v1/communities?formality=semi');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('formality');
    });
  });

  describe('GET /communities', () => {
    it('shows each community with its domain, tags, form badges and member count', async () => {
      const res = await t.app.inject('/communities');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('href="/c/bakers"');
      expect(res.body).toContain('Sourdough and 100% rye');
      expect(res.body).toContain('Formal');
      expect(res.body).toContain('Local (York)');
      expect(res.body).toContain('Distributed');
      expect(res.body).toContain('Private');
      expect(res.body).toContain('href="/communities?tag=bread"');
      expect(res.body).toContain('1 member');
      expect(res.body).not.toContain('Dyers Hidden');
    });

    it('applies the filters from its form, treating an empty select as "any"', async () => {
      const res = await t.app.inject('/communities?q=&tag=&formality=&locality=local&visibility=&mine=');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('href="/c/engravers"');
      expect(res.body).not.toContain('href="/c/brewers"');
    });

    it('says when nothing matches', async () => {
      const res = await t.app.inject('/communities?q=zzzz');
      expect(res.body).toContain('No communities match these filters');
    });

    it('shows the "my communities" filter only to signed-in people', async () => {
      expect((await t.app.inject('/communities')).body).not.toContain('name="mine"');
      expect((await t.app.inject({ url: '/communities', headers: { cookie: member.cookie } })).body).toContain('name="mine"');
    });
  });
});
