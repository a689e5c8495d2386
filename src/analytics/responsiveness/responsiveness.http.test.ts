import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countRows } from '../../discussions/discussions.fixtures.ts';
import { RESP_NOW, responsivenessWorld } from './responsiveness.world.ts';

const NAMES = /Nina Newcomer|Gus Geologist|Pia Private|Rex Responder|Rue Responder/;

describeEachDialect('responsiveness pages, API and CSV', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof responsivenessWorld>>;
  let hidden: Awaited<ReturnType<typeof responsivenessWorld>>;
  const as: Record<'steward' | 'member' | 'outsider' | 'admin', Browser> = {} as never;
  const get = (url: string, b?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(RESP_NOW) });
    w = await responsivenessWorld(t.deps.db);
    hidden = await responsivenessWorld(t.deps.db, { visibility: 'private' });
    as.steward = await signInAs(t, w.steward.id);
    as.member = await signInAs(t, w.member.id);
    as.outsider = await signInAs(t, (await makeUser(t.deps.db)).id);
    as.admin = await signInAs(t, (await makeUser(t.deps.db, { role: 'admin' })).id);
  });
  afterAll(async () => t.close());

  it('answers the API with the figures worked out by hand, over the window asked for', async () => {
    const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/responsiveness?months=3`, undefined, as.member);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(body.headline).toMatchObject({ questions: 6, medianFirstResponseHours: 7, p90FirstResponseHours: 45, unanswered48h: 2, questionsOver48h: 5, unanswered48hShare: 0.4 });
    expect(body.monthly.map((m: { period: string; questions: number }) => [m.period, m.questions])).toEqual([['2026-09', 0], ['2026-10', 0], ['2026-11', 6]]);
    expect(body.individuals).toBe(false);
  });

  it('folds small asker groups for a plain member and shows every group to stewards and admins', async () => {
    const member = (await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/responsiveness`, undefined, as.member)).json();
    expect(member.byDiscipline.map((g: { group: string }) => g.group)).toEqual(['Other']);
    expect(member.byTenure.every((g: { withheld: boolean; medianFirstResponseHours: number | null }) => g.withheld && g.medianFirstResponseHours === null)).toBe(true);
    for (const b of [as.steward, as.admin]) {
      const full = (await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/responsiveness`, undefined, b)).json();
      expect(full.individuals).toBe(true);
      expect(full.byDiscipline.map((g: { group: string }) => g.group)).toEqual(['Geology', 'Hydrology', 'Not given']);
    }
    const page = await get(`/c/${w.c.slug}/health/responsiveness`, as.member);
    expect(page.body).toContain('Not shown: fewer than 3 askers');
    expect(page.body).not.toContain('Geology');
    expect(page.body).not.toContain('Hydrology');
  });

  it('renders the page with headline figures, charts with tables, labelled window picker and CSV links, and no names', async () => {
    const page = await get(`/c/${w.c.slug}/health/responsiveness?months=3`, anonymousBrowser());
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1>Responsiveness · River Guild<\/h1>/);
    expect(page.body).toMatch(/<dt>Median time to first response<\/dt><dd>7 h<\/dd>/);
    expect(page.body).toMatch(/<dt>Unanswered after 48 h<\/dt><dd>40%/);
    expect(page.body).toContain('<th scope="col">Median to first response</th>');
    expect(page.body).toContain(`href="/c/${w.c.slug}/health/responsiveness/weeks.csv?months=3"`);
    expect(page.body).toContain('<label for="health-months">');
    expect(page.body).not.toMatch(NAMES);
  });

  it('downloads each table as CSV with the same figures', async () => {
    const weeks = await get(`/c/${w.c.slug}/health/responsiveness/weeks.csv?months=3`, as.member);
    expect(weeks.statusCode).toBe(200);
    expect(weeks.headers['content-type']).toContain('text/csv');
    const lines = weeks.body.trim().split('\r\n');
    expect(lines[0]).toBe('week,questions,median_first_response_hours,p90_first_response_hours,median_accepted_hours,p90_accepted_hours,questions_over_48h,unanswered_48h,unanswered_48h_share');
    expect(lines).toContain('2026-11-02,5,7,45,17.5,27.5,5,2,0.4');
    const tenure = await get(`/c/${w.c.slug}/health/responsiveness/by-tenure.csv`, as.steward);
    expect(tenure.body.split('\r\n')).toContain('Newcomers,1,false,2,2,2,5,5,1,0,0');
    for (const table of ['months', 'by-discipline']) expect((await get(`/c/${w.c.slug}/health/responsiveness/${table}.csv`, as.member)).statusCode).toBe(200);
  });

  it('rejects a bad window with 400 naming months on every path, and writes nothing', async () => {
    const before = await countRows(t.deps.db, 'activity');
    for (const q of ['months=0', 'months=37', 'months=abc', 'months=2.5']) {
      const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/responsiveness?${q}`, undefined, as.member);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('months');
      for (const url of [`/c/${w.c.slug}/health/responsiveness?${q}`, `/c/${w.c.slug}/health/responsiveness/weeks.csv?${q}`]) {
        const page = await get(url, as.member);
        expect(page.statusCode, url).toBe(400);
        expect(page.body).toMatch(/months/i);
      }
    }
    expect(await countRows(t.deps.db, 'activity')).toBe(before);
  });

  it('never shows a private community’s responsiveness to a non-member: 404 on the page, API and every CSV', async () => {
    for (const b of [as.outsider, anonymousBrowser()]) {
      for (const url of [`/c/${hidden.c.slug}/health/responsiveness`, `/api/v1/communities/${hidden.c.slug}/health/responsiveness`, ...['weeks', 'months', 'by-tenure', 'by-discipline'].map((x) => `/c/${hidden.c.slug}/health/responsiveness/${x}.csv`)]) {
        const res = await get(url, b);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toMatch(/River Guild|Geology|Hydrology/);
      }
    }
    const insider = await signInAs(t, hidden.member.id);
    expect((await api(t, 'GET', `/api/v1/communities/${hidden.c.slug}/health/responsiveness`, undefined, insider)).statusCode).toBe(200);
  });

  it('documents the API route in the OpenAPI with the health tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const op = doc.paths['/api/v1/communities/{slug}/health/responsiveness']?.get;
    expect(op?.tags).toEqual(['health']);
    expect(op?.summary).toBeTruthy();
  });
});
