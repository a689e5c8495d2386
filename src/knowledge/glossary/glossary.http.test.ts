import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildTestApp, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countGlossaryActivity, countTerms, makeTerm } from './glossary.fixtures.ts';

describeEachDialect('glossary API', (dialect) => {
  let t: TestApp;
  let slug: string;
  let communityId: number;
  let steward: Browser;
  let member: Browser;
  let other: Browser;
  let outsider: Browser;
  let memberName: string;
  let n = 0;
  const uniq = (s: string) => `${s} ${++n}`;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const s = await makeUser(db);
    const m = await makeUser(db);
    const o = await makeUser(db);
    const x = await makeUser(db);
    const c = await makeCommunity(db, s.id);
    await addMember(db, c.id, m.id);
    await addMember(db, c.id, o.id);
    slug = c.slug;
    communityId = c.id;
    memberName = m.username;
    steward = await signInAs(t, s.id);
    member = await signInAs(t, m.id);
    other = await signInAs(t, o.id);
    outsider = await signInAs(t, x.id);
  });
  afterAll(async () => t.close());

  const create = (body: unknown, who: Browser = member) => api(t, 'POST', `/api/v1/communities/${slug}/glossary`, body, who);

  describe('POST /api/v1/communities/:slug/glossary', () => {
    it('creates a term owned by the creator, renders the definition and records activity', async () => {
      const before = await countGlossaryActivity(t.deps.db, 'glossary.term_created');
      const res = await create({ term: 'Retro', definition: 'A **look back** at a sprint.', synonyms: ['retrospective'] });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ term: 'Retro', synonyms: ['retrospective'], owner: { username: memberName }, canEdit: true, community: { slug } });
      expect(body.definitionHtml).toContain('<strong>look back</strong>');
      expect(await countGlossaryActivity(t.deps.db, 'glossary.term_created')).toBe(before + 1);
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['an empty term', { term: '', definition: 'x' }, 'term'],
      ['a blank term', { term: '   ', definition: 'x' }, 'term'],
      ['a term over 80 characters', { term: 'x'.repeat(81), definition: 'x' }, 'term'],
      ['a missing definition', { term: 'Alpha' }, 'definition'],
      ['a blank definition', { term: 'Alpha', definition: '  ' }, 'definition'],
      ['a definition over 5000 characters', { term: 'Alpha', definition: 'x'.repeat(5001) }, 'definition'],
      ['eleven synonyms', { term: 'Alpha', definition: 'x', synonyms: Array.from({ length: 11 }, (_, i) => `s${i}`) }, 'synonyms'],
      ['an empty synonym', { term: 'Alpha', definition: 'x', synonyms: [''] }, 'synonyms'],
      ['a synonym over 80 characters', { term: 'Alpha', definition: 'x', synonyms: ['y'.repeat(81)] }, 'synonyms'],
      ['a synonym equal to its own term', { term: 'Alpha', definition: 'x', synonyms: ['alpha'] }, 'synonyms'],
      ['repeated synonyms', { term: 'Alpha', definition: 'x', synonyms: ['beta', 'Beta'] }, 'synonyms'],
      ['an owner who is not a member', { term: 'Alpha', definition: 'x', owner: 'nobody-here' }, 'owner'],
    ];
    for (const [what, body, field] of bad) {
      it(`rejects ${what} with 400 naming ${field} and writes nothing`, async () => {
        const [terms, acts] = [await countTerms(t.deps.db), await countGlossaryActivity(t.deps.db, 'glossary.term_created')];
        const res = await create(body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field.split('.')[0])).toContain(field);
        expect(await countTerms(t.deps.db)).toBe(terms);
        expect(await countGlossaryActivity(t.deps.db, 'glossary.term_created')).toBe(acts);
      });
    }

    it('answers 409 naming term when the term exists in another case, and writes nothing', async () => {
      await makeTerm(t.deps.db, communityId, steward.userId, 'Standup');
      const before = await countTerms(t.deps.db);
      const res = await create({ term: 'STANDUP', definition: 'x' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'term' })]);
      expect(await countTerms(t.deps.db)).toBe(before);
    });

    it('answers 409 naming term when the term is another term’s synonym', async () => {
      await makeTerm(t.deps.db, communityId, steward.userId, 'Pull request', ['PR']);
      const res = await create({ term: 'pr', definition: 'x' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details[0].field).toBe('term');
    });

    it('answers 409 naming synonyms when a synonym is another term or synonym', async () => {
      await makeTerm(t.deps.db, communityId, steward.userId, 'Kanban', ['board']);
      const before = await countTerms(t.deps.db);
      for (const synonyms of [['kanban'], ['Board']]) {
        const res = await create({ term: uniq('Flow'), definition: 'x', synonyms });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.details[0].field).toBe('synonyms');
      }
      expect(await countTerms(t.deps.db)).toBe(before);
    });

    it('allows the same term in another community', async () => {
      const c2 = await makeCommunity(t.deps.db, member.userId);
      await makeTerm(t.deps.db, c2.id, member.userId, 'Onboarding');
      expect((await create({ term: 'Onboarding', definition: 'x' })).statusCode).toBe(201);
    });

    it('refuses anonymous with 401 and a non-member with 403, writing nothing', async () => {
      const before = await countTerms(t.deps.db);
      expect((await api(t, 'POST', `/api/v1/communities/${slug}/glossary`, { term: 'Zed', definition: 'x' })).statusCode).toBe(401);
      expect((await create({ term: 'Zed', definition: 'x' }, outsider)).statusCode).toBe(403);
      expect(await countTerms(t.deps.db)).toBe(before);
    });

    it('takes another member as owner', async () => {
      const res = await create({ term: uniq('Pairing'), definition: 'x', owner: memberName }, steward);
      expect(res.json().owner.username).toBe(memberName);
    });
  });

  describe('PATCH and DELETE /api/v1/glossary/:id', () => {
    it('lets the owner edit, records activity, and keeps its own synonyms free to reuse', async () => {
      const id = await makeTerm(t.deps.db, communityId, member.userId, uniq('Spike'), ['probe']);
      const before = await countGlossaryActivity(t.deps.db, 'glossary.term_updated');
      const res = await api(t, 'PATCH', `/api/v1/glossary/${id}`, { definition: 'A _timeboxed_ experiment.', synonyms: ['probe', 'experiment'] }, member);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ synonyms: ['probe', 'experiment'], definitionHtml: expect.stringContaining('<em>timeboxed</em>') });
      expect(await countGlossaryActivity(t.deps.db, 'glossary.term_updated')).toBe(before + 1);
    });

    it('refuses another member with 403 and changes nothing; a steward may change the owner', async () => {
      const id = await makeTerm(t.deps.db, communityId, member.userId, uniq('Velocity'));
      expect((await api(t, 'PATCH', `/api/v1/glossary/${id}`, { definition: 'hijack' }, other)).statusCode).toBe(403);
      expect((await api(t, 'GET', `/api/v1/glossary/${id}`)).json().definition).not.toBe('hijack');
      const res = await api(t, 'PATCH', `/api/v1/glossary/${id}`, { owner: (await t.deps.db.selectFrom('users').select('username').where('id', '=', other.userId).executeTakeFirstOrThrow()).username }, steward);
      expect(res.statusCode).toBe(200);
      expect((await api(t, 'PATCH', `/api/v1/glossary/${id}`, { definition: 'now mine' }, other)).statusCode).toBe(200);
    });

    it('keeps a term editable by a steward after its owner has left the community', async () => {
      const leaver = await makeUser(t.deps.db);
      await addMember(t.deps.db, communityId, leaver.id);
      const id = await makeTerm(t.deps.db, communityId, leaver.id, uniq('Cadence'));
      await t.deps.db.deleteFrom('memberships').where('user_id', '=', leaver.id).execute();
      const res = await api(t, 'PATCH', `/api/v1/glossary/${id}`, { definition: 'How often we meet.', owner: leaver.username }, steward);
      expect(res.statusCode).toBe(200);
      expect(res.json().owner.username).toBe(leaver.username);
    });

    it('answers 409 when renaming onto an existing term', async () => {
      await makeTerm(t.deps.db, communityId, member.userId, 'Backlog');
      const id = await makeTerm(t.deps.db, communityId, member.userId, uniq('Icebox'));
      const res = await api(t, 'PATCH', `/api/v1/glossary/${id}`, { term: 'backlog' }, member);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details[0].field).toBe('term');
    });

    it('lets the owner delete (204, activity) and refuses others with 403', async () => {
      const id = await makeTerm(t.deps.db, communityId, member.userId, uniq('Demo'));
      const refused = await api(t, 'DELETE', `/api/v1/glossary/${id}`, {}, other);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
      const before = await countGlossaryActivity(t.deps.db, 'glossary.term_deleted');
      expect((await api(t, 'DELETE', `/api/v1/glossary/${id}`, {}, member)).statusCode).toBe(204);
      expect((await api(t, 'GET', `/api/v1/glossary/${id}`)).statusCode).toBe(404);
      expect(await countGlossaryActivity(t.deps.db, 'glossary.term_deleted')).toBe(before + 1);
    });
  });

  it('documents the glossary routes in the OpenAPI document under the glossary tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/communities/{slug}/glossary'].post.tags).toEqual(['glossary']);
    expect(Object.keys(doc.paths['/api/v1/glossary/{id}']).sort()).toEqual(['delete', 'get', 'patch']);
  });

  describe('GET /api/v1/communities/:slug/glossary', () => {
    it('lists alphabetically, searches terms and synonyms, and pages with a cursor', async () => {
      const c = await makeCommunity(t.deps.db, steward.userId);
      for (const [term, syn] of [['delta', []], ['Alpha', ['first letter']], ['charlie', []], ['Bravo', []]] as Array<[string, string[]]>) {
        await makeTerm(t.deps.db, c.id, steward.userId, term, syn);
      }
      const all = (await api(t, 'GET', `/api/v1/communities/${c.slug}/glossary`)).json();
      expect(all.items.map((i: { term: string }) => i.term)).toEqual(['Alpha', 'Bravo', 'charlie', 'delta']);
      const found = (await api(t, 'GET', `/api/v1/communities/${c.slug}/glossary?q=LETTER`)).json();
      expect(found.items.map((i: { term: string }) => i.term)).toEqual(['Alpha']);
      await api(t, 'POST', `/api/v1/communities/${c.slug}/glossary`, { term: 'Éclair', definition: 'x', synonyms: ['Ölkanne'] }, steward);
      for (const q of ['ÉCLAIR', 'ölKANNE']) {
        const hit = (await api(t, 'GET', `/api/v1/communities/${c.slug}/glossary?q=${encodeURIComponent(q)}`)).json();
        expect(hit.items.map((i: { term: string }) => i.term)).toEqual(['Éclair']);
      }
      const p1 = (await api(t, 'GET', `/api/v1/communities/${c.slug}/glossary?limit=3`)).json();
      expect(p1.items).toHaveLength(3);
      const p2 = (await api(t, 'GET', `/api/v1/communities/${c.slug}/glossary?limit=3&cursor=${p1.nextCursor}`)).json();
      expect(p2.items.map((i: { term: string }) => i.term)).toEqual(['delta', 'Éclair']);
      expect(p2.nextCursor).toBeNull();
      expect((await api(t, 'GET', `/api/v1/communities/${c.slug}/glossary?cursor=garbage`)).statusCode).toBe(400);
    });
  });
});
