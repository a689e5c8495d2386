import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { history, HISTORY_NOW } from './activity.world.ts';

const ACTIVITY_CSVS = ['days', 'weeks', 'months', 'gaps'].map((t) => `activity/${t}.csv`);
const AGGREGATE_CSVS = ['levels', 'flows', 'inequality'].map((t) => `participation/${t}.csv`);
const NAMED_CSVS = ['members', 'absence'].map((t) => `participation/${t}.csv`);

describeEachDialect('activity and participation pages, API and CSV', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof history>>;
  let hidden: Awaited<ReturnType<typeof history>>;
  const as = {} as Record<'steward' | 'member' | 'outsider' | 'admin', Browser>;
  const get = (url: string, b: Omit<Browser, 'userId'> | undefined) => t.app.inject({ method: 'GET', url, headers: b ? { cookie: b.cookie } : {} });
  const count = async (table: 'activity' | 'analytics_member_months') => Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(HISTORY_NOW) });
    w = await history(t.deps.db);
    hidden = await history(t.deps.db, { visibility: 'private', name: 'Secret Society' });
    as.steward = await signInAs(t, w.stew.id);
    as.member = await signInAs(t, w.ben.id);
    as.outsider = await signInAs(t, (await makeUser(t.deps.db)).id);
    as.admin = await signInAs(t, (await makeUser(t.deps.db, { role: 'admin' })).id);
  });
  afterAll(async () => t.close());

  it('rejects a bad window with 400 naming months on every path, and writes nothing', async () => {
    const before = [await count('activity'), await count('analytics_member_months')];
    for (const q of ['months=0', 'months=37', 'months=abc', 'months=2.5']) {
      for (const path of ['activity', 'participation']) {
        const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/${path}?${q}`, undefined, as.member);
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('months');
      }
      for (const url of [`/c/${w.c.slug}/health/activity?${q}`, `/c/${w.c.slug}/health/participation?${q}`, ...[...ACTIVITY_CSVS, ...AGGREGATE_CSVS].map((x) => `/c/${w.c.slug}/health/${x}?${q}`)]) {
        const page = await get(url, as.member);
        expect(page.statusCode, url).toBe(400);
        expect(page.body).toMatch(/months/i);
      }
    }
    // No refresh ran: the rollups are still empty.
    expect([await count('activity'), await count('analytics_member_months')]).toEqual(before);
  });

  it('answers the activity API with the hand-made history’s figures and rhythm', async () => {
    const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/activity?months=4`, undefined, as.member);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(body.monthly.map((m: { activeMembers: number; contributors: number; contributions: number }) => [m.activeMembers, m.contributors, m.contributions])).toEqual([
      [1, 1, 4],
      [1, 1, 4],
      [4, 3, 6],
      [2, 2, 3],
    ]);
    expect(body.days).toHaveLength(105); // 1 January to 15 April
    // Days with a contribution: 5–8 Jan, 2–5 Feb, 2–5 Mar, 9 Mar, 2, 6, 7 Apr (16). Gaps: ten of 1 day, 4, 4, 24, 25, 25 →
    // median 1; longer than 3: 25, 25, 4, 24, 4, and the open 8 days from 7 to 15 April.
    expect(body.rhythm.activeDays).toBe(16);
    expect(body.rhythm.usualGapDays).toBe(1);
    expect(body.rhythm.longGaps.map((g: { from: string; days: number; open: boolean }) => `${g.from}:${g.days}${g.open ? ' open' : ''}`)).toEqual(['2026-01-08:25', '2026-02-05:25', '2026-03-05:4', '2026-03-09:24', '2026-04-02:4', '2026-04-07:8 open']);
    const week = body.weeks.find((x: { week: string }) => x.week === '2026-03-30');
    expect(week).toEqual({ week: '2026-03-30', activeMembers: 2, contributors: 1 });
  });

  it('shows levels, flows and inequality to members, and names people only to stewards and admins', async () => {
    for (const b of [as.steward, as.admin]) {
      const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/participation?months=2`, undefined, b);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.individuals).toBe(true);
      expect(body.members.active.map((m: { displayName: string }) => m.displayName)).toEqual(['Ana Anchor', 'Ben Builder']);
      expect(body.absence.map((m: { displayName: string; contributions: number }) => [m.displayName, m.contributions])).toEqual([['Ana Anchor', 8]]);
      const page = await get(`/c/${w.c.slug}/health/participation`, b);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`href="/u/${w.ana.username}"`);
    }
    const res = await api(t, 'GET', `/api/v1/communities/${w.c.slug}/health/participation?months=2`, undefined, as.member);
    const body = res.json();
    expect(body.individuals).toBe(false);
    expect([body.members, body.absence]).toEqual([null, null]);
    expect(body.levels[1].levels).toEqual({ core: 0, active: 2, occasional: 0, peripheral: 1, transactional: 2 });
    expect(body.levels[1].shares.active).toBeCloseTo(2 / 6, 10);
    expect([body.levels[1].movedInward, body.levels[1].held, body.levels[1].movedOutward]).toEqual([2, 2, 1]);
    expect(body.inequality[1].gini).toBeCloseTo(147 / 234, 10);
    expect(body.inequality[1].absenceFactor).toBe(1);
    expect(res.body).not.toMatch(/Ana Anchor|Cat Reader|Eve Visitor/);
    const page = await get(`/c/${w.c.slug}/health/participation`, as.member);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Participation levels');
    expect(page.body).not.toMatch(/Ana Anchor|Cat Reader|Eve Visitor/);
    for (const other of [w.ana, w.cat, w.dan, w.eve]) expect(page.body).not.toContain(`/u/${other.username}`);
  });

  it('renders the activity page with its tables and CSV links', async () => {
    const page = await get(`/c/${w.c.slug}/health/activity?months=4`, as.member);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<th scope="row">2026-03</th>');
    expect(page.body).toContain(`/c/${w.c.slug}/health/activity/gaps.csv?months=4`);
    expect(page.body).toContain('the usual gap between them is 1 days');
    expect(page.body).not.toContain('Robo Poster');
  });

  it('downloads each table as CSV, and the named tables only for stewards', async () => {
    const months = await get(`/c/${w.c.slug}/health/activity/months.csv?months=4`, as.member);
    expect(months.statusCode).toBe(200);
    expect(months.headers['content-type']).toMatch(/text\/csv/);
    const lines = months.body.split('\r\n');
    expect(lines[0]).toBe('month,members,new_members,active_members,contributors,contributions,posts,questions,answers,replies,articles,comments,events');
    expect(lines).toContain('2026-03,5,1,4,3,6,6,1,0,5,0,0,0');
    const levels = await get(`/c/${w.c.slug}/health/participation/levels.csv?months=1`, as.member);
    expect(levels.body.split('\r\n')[1]).toMatch(/^2026-04,5,0,2,0,1,2,1,/);
    for (const x of [...ACTIVITY_CSVS, ...AGGREGATE_CSVS]) expect((await get(`/c/${w.c.slug}/health/${x}`, as.member)).statusCode, x).toBe(200);
    for (const x of NAMED_CSVS) {
      const denied = await get(`/c/${w.c.slug}/health/${x}`, as.member);
      expect(denied.statusCode, x).toBe(404);
      expect(denied.body).not.toContain(w.ana.username);
      const allowed = await get(`/c/${w.c.slug}/health/${x}`, as.steward);
      expect(allowed.statusCode, x).toBe(200);
      expect(allowed.body).toContain(`${w.ana.username},Ana Anchor,active,8`);
    }
  });

  it('never shows a private community’s activity or participation to a non-member: 404 on pages, API and every CSV', async () => {
    const urls = [
      `/c/${hidden.c.slug}/health/activity`,
      `/c/${hidden.c.slug}/health/participation`,
      `/api/v1/communities/${hidden.c.slug}/health/activity`,
      `/api/v1/communities/${hidden.c.slug}/health/participation`,
      ...[...ACTIVITY_CSVS, ...AGGREGATE_CSVS, ...NAMED_CSVS].map((x) => `/c/${hidden.c.slug}/health/${x}`),
    ];
    for (const b of [as.outsider, anonymousBrowser()]) {
      for (const url of urls) {
        const res = await get(url, b);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toMatch(/Secret Society|Ana Anchor/);
      }
    }
    const insider = await signInAs(t, hidden.ben.id);
    const res = await api(t, 'GET', `/api/v1/communities/${hidden.c.slug}/health/participation`, undefined, insider);
    expect(res.statusCode).toBe(200);
    expect(res.json().members).toBeNull();
  });

  it('answers for a community with no activity at all: zeros, no rhythm, empty lists', async () => {
    const quiet = await makeCommunity(t.deps.db, w.stew.id, { name: 'Quiet Corner' });
    for (const url of [`/c/${quiet.slug}/health/activity`, `/c/${quiet.slug}/health/participation`]) {
      const page = await get(url, as.steward);
      expect(page.statusCode, url).toBe(200);
    }
    const act = (await api(t, 'GET', `/api/v1/communities/${quiet.slug}/health/activity?months=1`, undefined, as.steward)).json();
    expect(act.rhythm).toEqual({ activeDays: 0, usualGapDays: null, factor: 3, longGaps: [] });
    expect(act.monthly[0].contributions).toBe(0);
    const part = (await api(t, 'GET', `/api/v1/communities/${quiet.slug}/health/participation?months=1`, undefined, as.steward)).json();
    expect([part.inequality[0].gini, part.inequality[0].absenceFactor, part.flows, part.absence, part.members.core]).toEqual([0, 0, [], [], []]);
  });

  it('documents both routes in the OpenAPI document under the health tag, with the months query', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    for (const path of ['activity', 'participation']) {
      const op = doc.paths[`/api/v1/communities/{slug}/health/${path}`].get;
      expect(op.tags).toEqual(['health']);
      expect(op.parameters.map((p: { name: string }) => p.name)).toContain('months');
      expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '404']);
    }
  });
});
