import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeUser } from '../../../test/helpers/factories.ts';
import { countRows } from '../../discussions/discussions.fixtures.ts';
import { NEWCOMERS_NOW, newcomersWorld } from './newcomers.world.ts';

const NAMES = /Nora Stalls|Omar Onward|Pam Fresh|Sam Quiet/;
const TABLES = ['funnel', 'stalls', 'cohorts', 'months'];

describeEachDialect('newcomers pages, API and CSV', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof newcomersWorld>>;
  let hidden: Awaited<ReturnType<typeof newcomersWorld>>;
  const as: Record<'steward' | 'member' | 'outsider' | 'admin', Browser> = {} as never;
  const get = (url: string, b?: Omit<Browser, 'userId'>) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NEWCOMERS_NOW) });
    w = await newcomersWorld(t.deps.db);
    hidden = await newcomersWorld(t.deps.db, { visibility: 'private' });
    as.steward = await signInAs(t, w.steward.id);
    as.member = await signInAs(t, w.member.id);
    as.outsider = await signInAs(t, (await makeUser(t.deps.db)).id);
    as.admin = await signInAs(t, (await makeUser(t.deps.db, { role: 'admin' })).id);
  });
  afterAll(async () => t.close());

  it('shows stewards and admins each newcomer’s trajectory by name, with the step they stalled at', async () => {
    for (const b of [as.steward, as.admin]) {
      const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/newcomers`, undefined, b);
      expect(res.statusCode).toBe(200);
      expect(res.json().trajectoriesTotal).toBe(4);
      const nora = res.json().trajectories.find((x: { member: { displayName: string } }) => x.member.displayName === 'Nora Stalls');
      expect(nora).toMatchObject({ furthest: 'ask', stalled: true, joinedAt: '2026-06-01T12:00:00.000Z', steps: { read: '2026-06-02T12:00:00.000Z', react: '2026-06-05T12:00:00.000Z', ask: '2026-06-10T12:00:00.000Z' } });
    }
    const page = await get(`/c/${w.c.slug}/health/newcomers`, as.steward);
    expect(page.body).toContain('<h2 id="nc-people">Each newcomer</h2>');
    expect(page.body).toMatch(new RegExp(`<a href="/u/${w.nora.username}">Nora Stalls</a>[\\s\\S]*?Stalled after “Asked”`));
    const csv = await get(`/c/${w.c.slug}/health/newcomers/trajectories.csv`, as.steward);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')).toContain(`${w.nora.username},Nora Stalls,2026-06-01T12:00:00.000Z,2026-06-02T12:00:00.000Z,2026-06-05T12:00:00.000Z,2026-06-10T12:00:00.000Z,,,,,,ask,true,9`);
  });

  it('gives plain members and visitors the aggregates only: no names on the page, API or any CSV, and no trajectories table', async () => {
    for (const b of [as.member, anonymousBrowser()]) {
      const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/newcomers`, undefined, b);
      expect(res.json()).toMatchObject({ individuals: false, trajectories: null, trajectoriesTotal: null, headline: { newMembers: 4, contributed: 3, medianDaysToFirstContribution: 9, stalled: 2, retention30: 0.667, retention90: null } }); // 90 days: only Sam is measurable, withheld
      expect(res.body).not.toMatch(NAMES);
      const page = await get(`/c/${w.c.slug}/health/newcomers`, b);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toMatch(NAMES);
      expect(page.body).not.toContain('Each newcomer');
      for (const table of TABLES) {
        const c = await get(`/c/${w.c.slug}/health/newcomers/${table}.csv`, b);
        expect(c.statusCode, table).toBe(200);
        expect(c.body).not.toMatch(NAMES);
      }
      const named = await get(`/c/${w.c.slug}/health/newcomers/trajectories.csv`, b);
      expect(named.statusCode).toBe(404);
      expect(named.body).not.toMatch(NAMES);
    }
  });

  it('renders the funnel, stalls and cohorts as accessible tables with CSV links', async () => {
    const page = await get(`/c/${w.c.slug}/health/newcomers`, as.member);
    expect(page.body).toMatch(/<h1>Newcomers · Loom Guild<\/h1>/);
    expect(page.body).toMatch(/<dt>Median time to first contribution<\/dt><dd>9 d<\/dd>/);
    expect(page.body).toMatch(/<th scope="row">Asked<\/th><td>2<\/td><td>50%<\/td>/);
    expect(page.body).toMatch(/<th scope="row">2026-06<\/th><td>2<\/td><td>fewer than 3<\/td><td>–<\/td>/); // two newcomers: withheld from members
    const stewardPage = await get(`/c/${w.c.slug}/health/newcomers`, as.steward);
    expect(stewardPage.body).toMatch(/<th scope="row">2026-06<\/th><td>2<\/td><td>50% \(1 of 2\)<\/td><td>–<\/td>/);
    for (const table of TABLES) expect(page.body).toContain(`href="/c/${w.c.slug}/health/newcomers/${table}.csv"`);
    const cohorts = await get(`/c/${w.c.slug}/health/newcomers/cohorts.csv?months=12`, as.steward);
    expect(cohorts.body.split('\r\n')).toContain('2026-01,1,1,1,1,1,1,1');
    const withheld = await get(`/c/${w.c.slug}/health/newcomers/cohorts.csv?months=12`, as.member);
    expect(withheld.body.split('\r\n')).toContain('2026-01,1,0,0,,0,0,'); // Sam alone: not shown to members
  });

  it('rejects a bad window with 400 naming months and writes nothing', async () => {
    const before = await countRows(t.deps.db, 'activity');
    for (const q of ['months=0', 'months=99', 'months=many']) {
      const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/newcomers?${q}`, undefined, as.steward);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('months');
      for (const url of [`/c/${w.c.slug}/health/newcomers?${q}`, `/c/${w.c.slug}/health/newcomers/funnel.csv?${q}`]) {
        const page = await get(url, as.steward);
        expect(page.statusCode, url).toBe(400);
        expect(page.body).toMatch(/months/i);
      }
    }
    expect(await countRows(t.deps.db, 'activity')).toBe(before);
  });

  it('never shows a private community’s newcomers to a non-member, and shows them to its members', async () => {
    for (const b of [as.outsider, anonymousBrowser(), as.member]) {
      for (const url of [`/c/${hidden.c.slug}/health/newcomers`, `/api/v1/communities/${hidden.c.slug}/health/newcomers`, ...[...TABLES, 'trajectories'].map((x) => `/c/${hidden.c.slug}/health/newcomers/${x}.csv`)]) {
        const res = await get(url, b);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toMatch(NAMES);
        expect(res.body).not.toContain('Loom Guild');
      }
    }
    const insider = await signInAs(t, hidden.member.id);
    const res = await api(t, 'GET', `/api/v1/communities/${hidden.c.slug}/health/newcomers`, undefined, insider);
    expect(res.statusCode).toBe(200);
    expect(res.json().trajectories).toBeNull();
  });

  it('documents the API route in the OpenAPI with the health tag', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const op = doc.paths['/api/v1/communities/{slug}/health/newcomers']?.get;
    expect(op?.tags).toEqual(['health']);
    expect(op?.summary).toBeTruthy();
  });
});
