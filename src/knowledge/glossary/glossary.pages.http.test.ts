import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, postForm, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { countGlossaryActivity, countTerms, makeTerm } from './glossary.fixtures.ts';

describeEachDialect('glossary pages', (dialect) => {
  let t: TestApp;
  let member: Browser;
  let owner: Browser;
  let ownerName: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const s = await makeUser(t.deps.db);
    const m = await makeUser(t.deps.db);
    ownerName = s.username;
    owner = await signInAs(t, s.id);
    member = await signInAs(t, m.id);
  });
  afterAll(async () => t.close());

  async function community() {
    const c = await makeCommunity(t.deps.db, owner.userId);
    await addMember(t.deps.db, c.id, member.userId);
    return c;
  }
  const get = (url: string, b?: Browser) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });

  it('shows a friendly empty state and a link from the community home', async () => {
    const c = await community();
    const res = await get(`/c/${c.slug}/glossary`, member);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No terms yet — define the first word your community uses');
    expect(res.body).toContain(`href="/c/${c.slug}/glossary/new"`);
    expect((await get(`/c/${c.slug}`, member)).body).toContain(`href="/c/${c.slug}/glossary"`);
  });

  it('lists terms alphabetically with A–Z jump links, definitions, synonyms and owners, and searches synonyms', async () => {
    const c = await community();
    await makeTerm(t.deps.db, c.id, owner.userId, 'zettel', ['slip box']);
    await makeTerm(t.deps.db, c.id, owner.userId, 'Ablation', [], 'Removing **one part** to see its effect.');
    const res = await get(`/c/${c.slug}/glossary`);
    expect(res.body).toContain('href="#letter-A"');
    expect(res.body).toContain('id="letter-Z"');
    expect(res.body.indexOf('Ablation')).toBeLessThan(res.body.indexOf('zettel'));
    expect(res.body).toContain('<strong>one part</strong>');
    expect(res.body).toContain('slip box');
    expect(res.body).toContain(`href="/u/${ownerName}"`);
    const found = await get(`/c/${c.slug}/glossary?q=SLIP`);
    expect(found.body).toContain('zettel');
    expect(found.body).not.toContain('Ablation');
    expect((await get(`/c/${c.slug}/glossary?q=nothing-like-it`)).body).toContain('No terms match');
  });

  it('creates a term from the form and redirects to its page', async () => {
    const c = await community();
    const res = await postForm(t, `/c/${c.slug}/glossary/new`, { term: 'Kata', definition: 'A practised routine.', synonyms: 'drill, routine', owner: '' }, member);
    expect(res.statusCode).toBe(303);
    const page = await get(res.headers.location as string, member);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Kata</h1>');
    expect(page.body).toContain('drill');
  });

  it('re-renders the form with 400 and the problems named when fields are bad, writing nothing', async () => {
    const c = await community();
    const before = await countTerms(t.deps.db);
    const res = await postForm(t, `/c/${c.slug}/glossary/new`, { term: '', definition: '', synonyms: '', owner: 'nobody-here' }, member);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    for (const f of ['term', 'definition', 'owner']) expect(res.body).toContain(`href="#f-${f}"`);
    expect(await countTerms(t.deps.db)).toBe(before);
  });

  it('re-renders the form with 409 naming the field when the term is taken', async () => {
    const c = await community();
    await makeTerm(t.deps.db, c.id, owner.userId, 'Gemba');
    const res = await postForm(t, `/c/${c.slug}/glossary/new`, { term: 'gemba', definition: 'x', synonyms: '', owner: '' }, member);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('href="#f-term"');
  });

  it('lets the owner edit and delete from the term page, recording activity', async () => {
    const c = await community();
    const id = await makeTerm(t.deps.db, c.id, owner.userId, 'Muda');
    const page = await get(`/c/${c.slug}/glossary/${id}`, owner);
    expect(page.body).toContain(`action="/c/${c.slug}/glossary/${id}/delete"`);
    expect((await get(`/c/${c.slug}/glossary/${id}`, member)).body).not.toContain('/delete"');
    const edited = await postForm(t, `/c/${c.slug}/glossary/${id}/edit`, { term: 'Muda', definition: 'Waste.', synonyms: 'waste', owner: ownerName }, owner);
    expect(edited.statusCode).toBe(303);
    expect((await get(`/c/${c.slug}/glossary/${id}`)).body).toContain('Waste.');
    const deletes = await countGlossaryActivity(t.deps.db, 'glossary.term_deleted');
    expect((await postForm(t, `/c/${c.slug}/glossary/${id}/delete`, {}, owner)).statusCode).toBe(303);
    expect((await get(`/c/${c.slug}/glossary/${id}`)).statusCode).toBe(404);
    expect(await countGlossaryActivity(t.deps.db, 'glossary.term_deleted')).toBe(deletes + 1);
  });

  describe('addresses', () => {
    it('answers 404 for a term under another community’s address', async () => {
      const a = await community();
      const b = await community();
      const id = await makeTerm(t.deps.db, a.id, owner.userId, 'Hansei');
      expect((await get(`/c/${b.slug}/glossary/${id}`)).statusCode).toBe(404);
    });
  });
});
