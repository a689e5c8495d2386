import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import type { Db } from '../../core/db/index.ts';
import { refreshAnalytics } from '../refresh.ts';
import { activityStep } from './activity.step.ts';
import { act, contribute } from './activity.fixtures.ts';
import { history } from './activity.world.ts';

const NOW = new Date('2026-04-15T12:00:00Z');
const steps = [activityStep];

async function month(db: Db, communityId: number, m: string) {
  const r = await db.selectFrom('analytics_community_months').selectAll().where('community_id', '=', communityId).where('month', '=', m).executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && k !== 'month' ? Number(v) : v])) as Record<string, number | string>;
}

async function levels(db: Db, communityId: number, m: string) {
  const rows = await db.selectFrom('analytics_member_levels').select(['user_id', 'level', 'contributions']).where('community_id', '=', communityId).where('month', '=', m).orderBy('user_id').execute();
  return rows.map((r) => [Number(r.user_id), r.level, Number(r.contributions)]);
}

describeEachDialect('activityStep: levels, flows, inequality and series', (dialect) => {
  let h: Awaited<ReturnType<typeof openTestDb>>;
  beforeEach(async () => {
    h = await openTestDb(dialect);
  });
  afterEach(async () => {
    await h.close();
  });

  it('places each person by the trailing three months and counts the flows from March to April', async () => {
    const db = h.db;
    const p = await history(db);
    await refreshAnalytics(db, { now: NOW, steps });
    expect(await levels(db, p.c.id, '2026-03')).toEqual([[p.ana.id, 'core', 12], [p.ben.id, 'occasional', 1], [p.cat.id, 'peripheral', 0], [p.dan.id, 'transactional', 1]]);
    expect(await levels(db, p.c.id, '2026-04')).toEqual([[p.ana.id, 'active', 8], [p.ben.id, 'active', 3], [p.cat.id, 'peripheral', 0], [p.dan.id, 'transactional', 1], [p.eve.id, 'transactional', 1]]);
    const apr = await month(db, p.c.id, '2026-04');
    // Ana core → active (outward); Ben occasional → active and Eve none → transactional (inward); Cat and Dan held.
    expect([apr['moved_inward'], apr['held'], apr['moved_outward']]).toEqual([2, 2, 1]);
    const flows = await db.selectFrom('analytics_level_flows').select(['from_level', 'to_level', 'members']).where('community_id', '=', p.c.id).where('month', '=', '2026-04').execute();
    expect(flows.map((f) => `${f.from_level}>${f.to_level}:${Number(f.members)}`).sort()).toEqual(['core>active:1', 'none>transactional:1', 'occasional>active:1', 'peripheral>peripheral:1', 'transactional>transactional:1']);
    // Five person members (the bot is not one); four placed in March → one inactive (the steward).
    expect([apr['members'], apr['core'], apr['active'], apr['occasional'], apr['peripheral'], apr['transactional'], apr['inactive']]).toEqual([5, 0, 2, 0, 1, 2, 1]);
    // April: only Ben and Eve acted; 3 contributions (the bot's April reply left out).
    expect([apr['active_members'], apr['contributors'], apr['contributions'], apr['answers']]).toEqual([2, 2, 3, 1]);
  });

  it('measures inequality over members (those with none included) plus non-member contributors', async () => {
    const db = h.db;
    const p = await history(db);
    await refreshAnalytics(db, { now: NOW, steps });
    // March, trailing Jan–Mar: members stew 0, Ana 12, Ben 1, Cat 0, Dan 1 → ascending 0,0,1,1,12, total 14:
    // G = 2(3·1 + 4·1 + 5·12)/(5·14) − 6/5 = 134/70 − 1.2 = 5/7. Ana alone makes half → absence factor 1.
    const mar = await month(db, p.c.id, '2026-03');
    expect(mar['population']).toBe(5);
    expect(mar['gini']).toBeCloseTo(5 / 7, 10);
    expect(mar['absence_factor']).toBe(1);
    expect(mar['zero_share']).toBeCloseTo(2 / 5, 10);
    // April, trailing Feb–Apr: 0, 8, 3, 0, 1 and Eve 1 → 0,0,1,1,3,8, total 13:
    // G = 2(3 + 4 + 15 + 48)/(6·13) − 7/6 = 147/234. Top 1% = 1 member (8/13), next 9% = none.
    const apr = await month(db, p.c.id, '2026-04');
    expect(apr['population']).toBe(6);
    expect(apr['gini']).toBeCloseTo(147 / 234, 10);
    expect(apr['top1_share']).toBeCloseTo(8 / 13, 10);
    expect(apr['next9_share']).toBe(0);
    expect(apr['rest_share']).toBeCloseTo(5 / 13, 10);
  });

  it('keeps exact distinct people per day and per week, across a month boundary and between refreshes', async () => {
    const db = h.db;
    const p = await history(db);
    await refreshAnalytics(db, { now: NOW, steps });
    const day = await db.selectFrom('analytics_community_days').selectAll().where('community_id', '=', p.c.id).where('day', '=', '2026-03-02').executeTakeFirstOrThrow();
    // Ana, Ben (replies) and Cat (vote) acted; the bot did not count.
    expect([day.active_members, day.contributors, day.contributions, day.posts].map(Number)).toEqual([3, 2, 2, 2]);
    const joinDay = await db.selectFrom('analytics_community_days').select('joins').where('community_id', '=', p.c.id).where('day', '=', '2026-03-01').executeTakeFirstOrThrow();
    expect(Number(joinDay.joins)).toBe(1);
    const week = async (w: string) => {
      const r = await db.selectFrom('analytics_community_weeks').select(['active_members', 'contributors']).where('community_id', '=', p.c.id).where('week', '=', w).executeTakeFirstOrThrow();
      return [Number(r.active_members), Number(r.contributors)];
    };
    // Week of Monday 30 March: Cat (31 March) and Eve (2 April).
    expect(await week('2026-03-30')).toEqual([2, 1]);
    // A later refresh sees only April rows in that week: Cat again (counted once) and Ben.
    await act(db, { actor: p.cat.id, verb: 'post.voted', community: p.c.id, at: '2026-04-01T12:00:00.000Z', subjectType: 'post' });
    await contribute(db, p.ben.id, p.c.id, 'reply', '2026-04-03T12:00:00.000Z');
    await refreshAnalytics(db, { now: NOW, steps });
    expect(await week('2026-03-30')).toEqual([3, 2]);
  });

  it('drops a member from every series once their account is marked staff', async () => {
    const db = h.db;
    const p = await history(db);
    await refreshAnalytics(db, { now: NOW, steps });
    await db.updateTable('users').set({ account_kind: 'staff' }).where('id', '=', p.ben.id).execute();
    await act(db, { actor: p.stew.id, verb: 'user.kind_changed', community: null, at: '2026-04-15T11:00:00.000Z', subjectType: 'user', subjectId: p.ben.id });
    await refreshAnalytics(db, { now: NOW, steps });
    const apr = await month(db, p.c.id, '2026-04');
    expect([apr['members'], apr['active_members'], apr['contributions']]).toEqual([4, 1, 1]);
    expect((await levels(db, p.c.id, '2026-04')).map((l) => l[0])).not.toContain(p.ben.id);
    expect((await levels(db, p.c.id, '2026-03')).map((l) => l[0])).not.toContain(p.ben.id);
  });

  it('summarises quiet months up to now, where levels fade out', async () => {
    const db = h.db;
    const p = await history(db);
    await refreshAnalytics(db, { now: new Date('2026-08-10T00:00:00Z'), steps });
    const months = await db.selectFrom('analytics_community_months').select('month').where('community_id', '=', p.c.id).orderBy('month').execute();
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    // June (trailing April–June) still places Ben and Eve (April); July's window (May–July) holds nothing:
    // nobody placed, all five members inactive, Ben and Eve moved out.
    const jul = await month(db, p.c.id, '2026-07');
    expect([jul['inactive'], jul['gini'], jul['moved_outward']]).toEqual([5, 0, 2]);
  });

  it('summarises a new month that has begun without any activity yet', async () => {
    const db = h.db;
    const p = await history(db);
    await refreshAnalytics(db, { now: NOW, steps });
    // June arrives; nothing new was recorded since April.
    await refreshAnalytics(db, { now: new Date('2026-06-02T00:00:00Z'), steps });
    const jun = await month(db, p.c.id, '2026-06');
    // Trailing April–June: Ben's 2 April contributions (occasional), Eve (no member, transactional); the 4 other members inactive.
    expect([jun['members'], jun['occasional'], jun['transactional'], jun['inactive'], jun['active_members']]).toEqual([5, 1, 1, 4, 0]);
    expect((await levels(db, p.c.id, '2026-06')).map((l) => l[1])).toEqual(['occasional', 'transactional']);
  });

  it('keeps an ancient imported row in its month without filling summaries for every month since', async () => {
    const db = h.db;
    const p = await history(db);
    await contribute(db, p.ana.id, p.c.id, 'article', '2001-05-05T10:00:00.000Z');
    await refreshAnalytics(db, { now: NOW, steps });
    const old = await db.selectFrom('analytics_member_months').select('articles').where('community_id', '=', p.c.id).where('month', '=', '2001-05').executeTakeFirstOrThrow();
    expect(Number(old.articles)).toBe(1);
    const months = (await db.selectFrom('analytics_community_months').select('month').where('community_id', '=', p.c.id).orderBy('month').execute()).map((m) => m.month);
    // The touched 2001 months (May and the three after), then 39 months back from April 2026 onwards.
    expect(months.slice(0, 5)).toEqual(['2001-05', '2001-06', '2001-07', '2001-08', '2023-01']);
    expect(months).toHaveLength(4 + 40);
  });
});
