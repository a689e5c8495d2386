import { parse } from 'node-html-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousBrowser, api, buildTestApp, fakeClock, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { contribute, joinAt } from '../activity/activity.fixtures.ts';

const NOW = new Date('2026-11-20T12:00:00Z');
/** Mid-month days from July to November 2026. */
const MONTHS = ['2026-07-10', '2026-08-10', '2026-09-10', '2026-10-10', '2026-11-10'];

/*
 * The overview and organisation view on a hand-made history whose stage is worked out by hand:
 * twelve members since June, three of whom contribute four times every month from July (each is
 * core from September: a contribution in each of the trailing three months, twelve in all), no growth, no newcomers,
 * no articles and no reuse — so the decision list says "maturing": a core of 3, knowledge not yet
 * reused more than written.
 */
describeEachDialect('the health overview and the organisation view', (dialect) => {
  let t: TestApp;
  let steward: Browser;
  let member: Browser;
  let outsider: Browser;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NOW) });
    const db = t.deps.db;
    const keeper = await makeUser(db, { username: 'keeper' });
    const people = await Promise.all(Array.from({ length: 11 }, (_, i) => makeUser(db, { username: `p${i}` })));
    const c = await makeCommunity(db, keeper.id, { slug: 'guild', name: 'The Guild', visibility: 'public', created_at: '2026-06-01T00:00:00.000Z' });
    await db.updateTable('memberships').set({ created_at: '2026-06-01T00:00:00.000Z' }).where('community_id', '=', c.id).execute();
    for (const p of people) await joinAt(db, c.id, p.id, '2026-06-01T00:00:00.000Z');
    await db.updateTable('communities').set({ member_count: 12 }).where('id', '=', c.id).execute();
    for (const day of MONTHS) for (const who of [keeper, people[0]!, people[1]!]) for (let k = 0; k < 4; k++) await contribute(db, who.id, c.id, 'discussion', `${day}T1${k}:00:00.000Z`);
    await makeCommunity(db, keeper.id, { slug: 'hidden', name: 'Hidden Qz', visibility: 'private', join_policy: 'invite' });
    const o = await makeUser(db, { username: 'outsider' });
    steward = await signInAs(t, keeper.id);
    member = await signInAs(t, people[2]!.id);
    outsider = await signInAs(t, o.id);
  });
  afterAll(async () => t.close());

  it('estimates the stage with its evidence, reason and playbook (API)', async () => {
    const res = await api(t, 'GET', '/api/v1/communities/guild/health?months=3', undefined, member);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.months).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(o.stage.stage).toBe('maturing');
    expect(o.stage.reason).toBe('A core of 3 carries a growing practice: knowledge is still being written more than reused.');
    expect(o.stage.evidence.find((e: { key: string }) => e.key === 'core')).toMatchObject({ value: '3', decisive: true });
    expect(o.stage.playbook.length).toBeGreaterThan(2);
    expect(o.history.map((h: { stage: string }) => h.stage)).toEqual(['potential', 'maturing', 'maturing']); // September: the 3-month average core is (0 + 0 + 3) / 3 = 1, under 2
    expect(o.series.at(-1)).toMatchObject({ month: '2026-11', members: 12, activeMembers: 3, contributors: 3, contributions: 12, core: 3 });
    expect(o.signals).toEqual([]);
    expect(o.individuals).toBe(false);
  });

  it('shows the page with the stage, the track, the figures and links to every section', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/c/guild/health', headers: { cookie: steward.cookie } });
    expect(res.statusCode).toBe(200);
    const doc = parse(res.body);
    expect(doc.querySelector('.stage__name')!.text).toBe('Stage: Maturing');
    expect(doc.querySelector('.stage-track [aria-current="step"]')!.text).toBe('Maturing');
    expect(res.body).toContain('you see individual figures as a steward');
    const links = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const s of ['activity', 'participation', 'responsiveness', 'newcomers', 'knowledge', 'inclusion', 'value']) expect(links).toContain(`/c/guild/health/${s}`);
    expect(links).toContain('/c/guild/health/report');
    expect(doc.querySelectorAll('svg.chart__svg').length).toBeGreaterThan(0);
  });

  it('exports the months and the stages as CSV', async () => {
    const months = await t.app.inject({ method: 'GET', url: '/c/guild/health/overview/months.csv?months=2', headers: { cookie: member.cookie } });
    expect(months.headers['content-type']).toContain('text/csv');
    const lines = months.body.trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 7)).toEqual(['month', 'members', 'newMembers', 'activeMembers', 'contributors', 'core', 'contributions']);
    expect(lines[2]!.split(',').slice(0, 7)).toEqual(['2026-11', '12', '0', '3', '3', '3', '12']);
    const stages = await t.app.inject({ method: 'GET', url: '/c/guild/health/overview/stages.csv?months=2', headers: { cookie: member.cookie } });
    expect(stages.body.trim().split('\r\n')).toEqual(['month,stage', '2026-10,maturing', '2026-11,maturing']);
  });

  it('lists the communities the reader may read with the stage the refresh estimated, and no others', async () => {
    const res = await api(t, 'GET', '/api/v1/health', undefined, outsider);
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org.communities.map((c: { slug: string }) => c.slug)).toEqual(['guild']);
    expect(org.communities[0]).toMatchObject({ stage: 'maturing', stageMonth: '2026-11', core: 3, activeMembers: 3 });
    const page = await t.app.inject({ method: 'GET', url: '/health', headers: { cookie: outsider.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The Guild');
    expect(page.body).not.toContain('Hidden Qz');
    const stewardView = await api(t, 'GET', '/api/v1/health', undefined, steward);
    expect(stewardView.json().communities.map((c: { slug: string }) => c.slug)).toEqual(['hidden', 'guild']); // by name: Hidden Qz, The Guild
    const csv = await t.app.inject({ method: 'GET', url: '/health/communities.csv', headers: { cookie: outsider.cookie } });
    expect(csv.body.split('\r\n')[1]).toMatch(/^The Guild,guild,public,maturing,2026-11,12,3,/);
  });

  it('answers 404 on every path of a private community to a non-member, and 400 naming months for a bad window', async () => {
    for (const url of ['/c/hidden/health', '/api/v1/communities/hidden/health', '/c/hidden/health/overview/months.csv', '/c/hidden/health/overview/stages.csv']) {
      for (const who of [outsider, anonymousBrowser()]) {
        const res = await t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Hidden Qz');
      }
    }
    for (const months of ['0', '37', 'x']) {
      const res = await api(t, 'GET', `/api/v1/communities/guild/health?months=${months}`, undefined, member);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('months');
    }
  });
});
