import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { ask, respond } from '../responsiveness/questions.fixtures.ts';
import { OTHER_LABEL } from './inclusion.measures.ts';
import { inclusionWorld, WORLD_NOW } from './inclusion.world.ts';

type Json = Record<string, unknown> & { dimensions: Array<{ key: string; folded: boolean; members: { blau: number | null }; categories: Array<{ label: string; flagged: boolean }> }> };
const get = (t: TestApp, url: string, b?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });

describeEachDialect('inclusion page, API and CSV', (dialect) => {
  let t: TestApp;
  let pub: string;
  let priv: string;
  let steward: Browser;
  let member: Browser;
  let outsider: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(WORLD_NOW) });
    const db = t.deps.db;
    const w = await inclusionWorld(db);
    pub = w.community.slug;
    priv = (await inclusionWorld(db, { visibility: 'private', name: 'Secret Springs' })).community.slug;
    // A newcomer's question answered in 2 hours, an established member's in 10.
    const q1 = await ask(db, w.community.id, w.eco.id, '2026-11-20T10:00:00.000Z');
    await respond(db, w.community.id, q1, w.hyd[0]!.id, '2026-11-20T12:00:00.000Z');
    const q2 = await ask(db, w.community.id, w.hyd[1]!.id, '2026-11-21T10:00:00.000Z');
    await respond(db, w.community.id, q2, w.hyd[2]!.id, '2026-11-21T20:00:00.000Z');
    steward = await signInAs(t, w.steward.id);
    member = await signInAs(t, w.hyd[0]!.id);
    outsider = await signInAs(t, (await makeUser(db)).id);
  });
  afterAll(async () => t.close());

  it('answers the API with the Blau indexes, the flagged group and response time by asker group', async () => {
    const res = await api(t, 'GET', `/api/v1/communities/${pub}/health/inclusion?months=3`, undefined, steward);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json & { months: string[]; individuals: boolean; responseByTenure: Array<{ group: string; questions: number; medianFirstResponseHours: number | null }> };
    expect(body.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(body.individuals).toBe(true);
    const discipline = body.dimensions.find((d) => d.key === 'discipline')!;
    expect(discipline.members.blau).toBe(0.625);
    expect(discipline.categories.map((c) => c.label)).toEqual(['Hydrology', 'Geology', 'Ecology', 'Chemistry']);
    expect(discipline.categories.filter((c) => c.flagged).map((c) => c.label)).toEqual(['Geology']);
    expect(body.responseByTenure.map((g) => [g.group, g.questions, g.medianFirstResponseHours]).sort()).toEqual([
      ['Established members', 1, 10],
      ['Newcomers', 1, 2],
    ]);
  });

  it('gives members and anonymous readers folded categories and withheld small-group times', async () => {
    for (const as of [member, outsider, anonymousBrowser()]) {
      const res = await api(t, 'GET', `/api/v1/communities/${pub}/health/inclusion`, undefined, as);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Json & { individuals: boolean; responseByTenure: Array<{ withheld: boolean; medianFirstResponseHours: number | null }> };
      expect(body.individuals).toBe(false);
      const discipline = body.dimensions.find((d) => d.key === 'discipline')!;
      expect(discipline.folded).toBe(true);
      expect(discipline.categories.map((c) => c.label)).toEqual(['Hydrology', 'Geology', OTHER_LABEL]);
      expect(res.body).not.toMatch(/Ecology|Chemistry|Oslo|Physics/);
      expect(body.responseByTenure.every((g) => g.withheld && g.medianFirstResponseHours === null)).toBe(true);
    }
  });

  it('renders the page with the Blau table, the flag, every dimension and CSV links, headings in order', async () => {
    const page = await get(t, `/c/${pub}/health/inclusion`, steward);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<caption>Blau index by dimension</caption>');
    expect(html).toMatch(/<th scope="row">Discipline<\/th><td>0\.63<\/td><td>0\.41<\/td><td>-0\.22<\/td><td>12 of 15<\/td><td>8 of 9<\/td>/);
    expect(html).toMatch(/<strong>Discipline: Geology<\/strong>/);
    expect(html).toMatch(/<th scope="row">Ecology<\/th>/);
    expect(html).toContain('<h2 id="incl-response">Response time by asker group</h2>');
    expect(html).toMatch(/<th scope="row">Newcomers<\/th><td>1<\/td><td>1<\/td><td>2 h<\/td>/);
    for (const table of ['blau', 'categories', 'voice', 'response-by-tenure', 'response-by-discipline']) expect(html).toContain(`href="/c/${pub}/health/inclusion/${table}.csv"`);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    expect(levels).toContain(3);
    const plain = await get(t, `/c/${pub}/health/inclusion`, member);
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toMatch(/Ecology|Chemistry|Oslo|Physics/);
    expect(plain.body).toContain(OTHER_LABEL);
  });

  it('downloads the categories as CSV, all for stewards and folded for everyone else', async () => {
    const all = await get(t, `/c/${pub}/health/inclusion/categories.csv`, steward);
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toContain('text/csv');
    const lines = all.body.trim().split('\r\n');
    expect(lines[0]).toBe('dimension,category,members,member_share,contributors,contributor_share,ratio,not_heard');
    expect(lines).toContain('discipline,Geology,4,0.3333333333333333,1,0.125,0.375,yes');
    expect(lines).toContain('discipline,Ecology,1,0.08333333333333333,1,0.125,1.5,no');
    const folded = await get(t, `/c/${pub}/health/inclusion/categories.csv`, member);
    expect(folded.body).not.toMatch(/Ecology|Chemistry|Oslo|Physics/);
    expect(folded.body).toContain(`discipline,${OTHER_LABEL},2,`);
    const voice = await get(t, `/c/${pub}/health/inclusion/voice.csv?months=2`, member);
    expect(voice.body.trim().split('\r\n').map((l) => l.split(',')[0])).toEqual(['month', '2026-10', '2026-11']);
  });

  it('never shows a private community’s inclusion to outsiders, on any path', async () => {
    const paths = [`/c/${priv}/health/inclusion`, `/api/v1/communities/${priv}/health/inclusion`, ...['blau', 'categories', 'voice', 'response-by-tenure', 'response-by-discipline'].map((x) => `/c/${priv}/health/inclusion/${x}.csv`)];
    for (const as of [outsider, anonymousBrowser(), member]) {
      for (const url of paths) {
        const res = await get(t, url, as);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Secret Springs');
        expect(res.body).not.toContain('Hydrology');
      }
    }
  });

  it('rejects a bad window with 400 naming months, on the page, the API and the CSV', async () => {
    for (const months of ['0', '37', 'abc', '1.5']) {
      const res = await api(t, 'GET', `/api/v1/communities/${pub}/health/inclusion?months=${months}`, undefined, member);
      expect(res.statusCode, months).toBe(400);
      expect(res.json().error.details[0].field).toBe('months');
      for (const url of [`/c/${pub}/health/inclusion?months=${months}`, `/c/${pub}/health/inclusion/blau.csv?months=${months}`]) {
        const page = await get(t, url, member);
        expect(page.statusCode, url).toBe(400);
        expect(page.body).toMatch(/months/i);
      }
    }
  });

  it('answers an unknown community with 404 and documents the route in the OpenAPI under health', async () => {
    expect((await api(t, 'GET', '/api/v1/communities/no-such-place/health/inclusion')).statusCode).toBe(404);
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const op = doc.paths['/api/v1/communities/{slug}/health/inclusion']?.get;
    expect(op?.tags).toEqual(['health']);
    expect(op?.summary).toMatch(/Blau/);
  });
});
