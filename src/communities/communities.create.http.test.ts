import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { describeEachDialect } from '../../test/helpers/db.ts';
import { makeCommunity, makeUser, addMember } from '../../test/helpers/factories.ts';
import { countActivity, countRows } from './communities.fixtures.ts';

const valid = {
  name: 'Timber Framers',
  slug: 'timber-framers',
  domainStatement: 'Joinery for timber-framed buildings.',
  description: 'We meet monthly.',
  tags: ['joinery', 'oak'],
  formality: 'formal',
  sponsor: 'Estates department',
  locality: 'local',
  location: 'York',
  visibility: 'public',
  joinPolicy: 'open',
};

/** One bad value per field, and the field the 400 must name. */
const badFields: Array<[string, Record<string, unknown>, string]> = [
  ['a name under 3 characters', { name: 'ab' }, 'name'],
  ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
  ['a blank name', { name: '    ' }, 'name'],
  ['a slug with capitals and spaces', { slug: 'Timber Framers' }, 'slug'],
  ['a slug under 3 characters', { slug: 'tf' }, 'slug'],
  ['a slug over 40 characters', { slug: 'a'.repeat(41) }, 'slug'],
  ['the reserved slug "new"', { slug: 'new' }, 'slug'],
  ['the reserved slug "edit"', { slug: 'edit' }, 'slug'],
  ['an empty domain statement', { domainStatement: '' }, 'domainStatement'],
  ['a blank domain statement', { domainStatement: '   ' }, 'domainStatement'],
  ['a domain statement over 500 characters', { domainStatement: 'd'.repeat(501) }, 'domainStatement'],
  ['a description over 5000 characters', { description: 'd'.repeat(5001) }, 'description'],
  ['too many tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
  ['a tag with capitals', { tags: ['Oak'] }, 'tags'],
  ['a tag over 30 characters', { tags: ['t'.repeat(31)] }, 'tags'],
  ['an unknown formality', { formality: 'semi' }, 'formality'],
  ['a formal community without a sponsor', { sponsor: '' }, 'sponsor'],
  ['an unknown locality', { locality: 'everywhere' }, 'locality'],
  ['a local community without a location', { location: ' ' }, 'location'],
  ['an unknown visibility', { visibility: 'secret' }, 'visibility'],
  ['an unknown join policy', { joinPolicy: 'anyone' }, 'joinPolicy'],
  ['a missing domain statement', { domainStatement: undefined }, 'domainStatement'],
];

describeEachDialect('creating and editing communities', (dialect) => {
  let t: TestApp;
  let alice: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    alice = await signInAs(t, (await makeUser(t.deps.db, { username: 'alice' })).id);
  });
  afterAll(async () => t.close());

  const counts = async () => Promise.all((['communities', 'memberships', 'community_tags', 'activity'] as const).map((x) => countRows(t.deps.db, x)));

  describe('POST /api/v1/communities', () => {
    it('creates the community with its tags and form, makes the creator its steward and records community.created', async () => {
      const res = await api(t, 'POST', '/api/v1/communities', valid, alice);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ slug: 'timber-framers', tags: ['joinery', 'oak'], sponsor: 'Estates department', location: 'York', memberCount: 1, viewer: { role: 'steward', canEdit: true } });
      expect(body.stewards).toEqual([{ username: 'alice', displayName: expect.any(String) }]);
      const c = await t.deps.db.selectFrom('communities').selectAll().where('slug', '=', 'timber-framers').executeTakeFirstOrThrow();
      expect(c.member_count).toBe(1);
      expect(await countActivity(t.deps.db, c.id, 'community.created')).toBe(1);
    });

    for (const [what, change, field] of badFields) {
      it(`rejects ${what} with 400 naming ${field} and writes nothing`, async () => {
        const before = await counts();
        const res = await api(t, 'POST', '/api/v1/communities', { ...valid, slug: 'bad-one', ...change }, alice);
        expect(res.statusCode).toBe(400);
        const err = res.json().error;
        expect(err.code).toBe('VALIDATION_FAILED');
        expect(err.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
        expect(await counts()).toEqual(before);
      });
    }

    it('rejects a slug already in use with 409 naming the slug, and writes nothing', async () => {
      const before = await counts();
      const res = await api(t, 'POST', '/api/v1/communities', { ...valid, name: 'Other framers' }, alice);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('timber-framers');
      expect(res.json().error.details).toEqual([{ field: 'slug', message: expect.stringContaining('timber-framers') }]);
      expect(await counts()).toEqual(before);
    });

    it('asks anonymous callers to sign in (401) and writes nothing', async () => {
      const before = await counts();
      expect((await api(t, 'POST', '/api/v1/communities', { ...valid, slug: 'anon-one' })).statusCode).toBe(401);
      expect(await counts()).toEqual(before);
    });
  });

  describe('PATCH /api/v1/communities/:slug', () => {
    it('lets the steward change fields and tags, and records community.updated naming them', async () => {
      const c = await makeCommunity(t.deps.db, alice.userId, { slug: 'patch-me' });
      const res = await api(t, 'PATCH', '/api/v1/communities/patch-me', { domainStatement: 'New domain', tags: ['one', 'two'] }, alice);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ domainStatement: 'New domain', tags: ['one', 'two'] });
      const row = await t.deps.db.selectFrom('activity').select('data').where('community_id', '=', c.id).where('verb', '=', 'community.updated').executeTakeFirstOrThrow();
      expect(JSON.parse(row.data).fields.sort()).toEqual(['domainStatement', 'tags']);
    });

    it('rejects turning formal without a sponsor with 400 naming sponsor, and changes nothing', async () => {
      await makeCommunity(t.deps.db, alice.userId, { slug: 'stay-informal' });
      const before = await counts();
      const res = await api(t, 'PATCH', '/api/v1/communities/stay-informal', { formality: 'formal' }, alice);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['sponsor']);
      expect(await counts()).toEqual(before);
      expect((await t.deps.db.selectFrom('communities').select('formality').where('slug', '=', 'stay-informal').executeTakeFirstOrThrow()).formality).toBe('informal');
    });

    it('moves a community to a free slug, and refuses a taken one with 409', async () => {
      await makeCommunity(t.deps.db, alice.userId, { slug: 'old-address' });
      expect((await api(t, 'PATCH', '/api/v1/communities/old-address', { slug: 'timber-framers' }, alice)).statusCode).toBe(409);
      expect((await api(t, 'PATCH', '/api/v1/communities/old-address', { slug: 'new-address' }, alice)).statusCode).toBe(200);
      expect((await api(t, 'GET', '/api/v1/communities/old-address')).statusCode).toBe(404);
      expect((await api(t, 'GET', '/api/v1/communities/new-address')).statusCode).toBe(200);
    });

    it('lets an org admin edit a public community but not a moderator', async () => {
      const c = await makeCommunity(t.deps.db, alice.userId, { slug: 'who-edits' });
      const mod = await makeUser(t.deps.db);
      await addMember(t.deps.db, c.id, mod.id, 'moderator');
      const admin = await makeUser(t.deps.db, { role: 'admin' });
      expect((await api(t, 'PATCH', '/api/v1/communities/who-edits', { name: 'Renamed by mod' }, await signInAs(t, mod.id))).statusCode).toBe(403);
      expect((await api(t, 'PATCH', '/api/v1/communities/who-edits', { name: 'Renamed by admin' }, await signInAs(t, admin.id))).statusCode).toBe(200);
    });
  });

  describe('the create and edit pages', () => {
    const form = { name: 'Potters Wheel', slug: 'potters', domainStatement: 'Throwing pots.', description: '', tags: 'clay, Kiln ,clay', formality: 'informal', sponsor: '', locality: 'distributed', location: '', visibility: 'private', joinPolicy: 'approval' };

    it('creates from the form (tags split on commas, lowercased) and redirects to the new home with 303', async () => {
      const res = await postForm(t, '/communities', form, alice);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/c/potters');
      const api1 = await api(t, 'GET', '/api/v1/communities/potters', undefined, alice);
      expect(api1.json()).toMatchObject({ tags: ['clay', 'kiln'], visibility: 'private', joinPolicy: 'approval', viewer: { role: 'steward' } });
    });

    it('re-renders the form with 400 and names every bad field, writing nothing', async () => {
      const before = await counts();
      const res = await postForm(t, '/communities', { ...form, name: 'P', slug: 'new', domainStatement: ' ', formality: 'formal', tags: 'ok, not ok' }, alice);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('There is a problem');
      for (const href of ['#f-name', '#f-slug', '#f-domainStatement', '#f-sponsor', '#f-tags']) expect(res.body).toContain(`href="${href}"`);
      expect(res.body).toContain('value="ok, not ok"');
      expect(await counts()).toEqual(before);
    });

    it('re-renders with 409 when the slug is taken', async () => {
      const res = await postForm(t, '/communities', { ...form, name: 'Second potters' }, alice);
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('Slug &quot;potters&quot; is already taken');
    });

    it('refuses a form post without the CSRF token with 403 and writes nothing', async () => {
      const before = await counts();
      const res = await t.app.inject({ method: 'POST', url: '/communities', headers: { cookie: alice.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ ...form, slug: 'no-csrf' }).toString() });
      expect(res.statusCode).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('shows the edit form filled in, and saves changes with a redirect', async () => {
      const page = await t.app.inject({ url: '/c/potters/edit', headers: { cookie: alice.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('value="clay, kiln"');
      const res = await postForm(t, '/c/potters/edit', { ...form, domainStatement: 'Throwing and glazing pots.' }, alice);
      expect(res.statusCode).toBe(303);
      expect((await api(t, 'GET', '/api/v1/communities/potters', undefined, alice)).json().domainStatement).toBe('Throwing and glazing pots.');
    });
  });
});
