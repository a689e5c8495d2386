import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { recordActivity } from '../../core/activity.ts';
import { activityStep } from '../activity/activity.step.ts';
import { healthWindow } from '../period.ts';
import { rebuildAnalytics, refreshAnalytics } from '../refresh.ts';
import { inclusionStep } from '../inclusion/inclusion.step.ts';
import { newcomersStep } from './newcomers.step.ts';
import { newcomersSummary, newcomersView } from './newcomers.service.ts';
import { NEWCOMERS_NOW, newcomersWorld } from './newcomers.world.ts';

// The newcomer share of active people comes from the inclusion step's monthly rollup (it reads the activity step's).
const steps = [activityStep, newcomersStep, inclusionStep];

describeEachDialect('newcomers: milestones, funnel, stalls and retention', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof newcomersWorld>>;
  const window = healthWindow(NEWCOMERS_NOW, 12);
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(NEWCOMERS_NOW) });
    w = await newcomersWorld(t.deps.db);
    await refreshAnalytics(t.deps.db, { now: NEWCOMERS_NOW, steps });
  });
  afterAll(async () => t.close());

  it('follows each newcomer along the trajectory: Nora stalls at "ask", Sam at "reply", Omar is still moving, Pam only just joined', async () => {
    const v = await newcomersView(t.deps, w.c.id, window, true);
    const byName = new Map(v.trajectories!.map((x) => [x.displayName, x]));
    expect([...byName.keys()]).toEqual(['Pam Fresh', 'Omar Onward', 'Nora Stalls', 'Sam Quiet']); // newest joiner first; no bot, no steward
    expect(byName.get('Nora Stalls')).toMatchObject({ furthest: 'ask', stalled: true, lastStepAt: '2026-06-10T12:00:00.000Z', daysToFirstContribution: 9 });
    expect(Object.keys(byName.get('Nora Stalls')!.steps).sort()).toEqual(['ask', 'react', 'read']);
    expect(byName.get('Sam Quiet')).toMatchObject({ furthest: 'reply', stalled: true, daysToFirstContribution: 111 });
    // Omar's last new step (the article on 1 October) is 56 days old: not stalled yet.
    expect(byName.get('Omar Onward')).toMatchObject({ furthest: 'article', stalled: false, daysToFirstContribution: 1, steps: { ask: '2026-06-16T12:00:00.000Z', reply: '2026-07-20T12:00:00.000Z', accepted: '2026-07-21T12:00:00.000Z', article: '2026-10-01T12:00:00.000Z' } });
    expect(byName.get('Pam Fresh')).toMatchObject({ furthest: 'joined', stalled: false, daysToFirstContribution: null });
  });

  it('counts the funnel, the median days to each step and between steps, and where newcomers stall', async () => {
    const v = await newcomersView(t.deps, w.c.id, window, false);
    expect(v.trajectories).toBeNull();
    // First contributions after 9 (Nora), 1 (Omar) and 111 days (Sam): median 9.
    // Read as a plain member: three newcomers measurable at 30 days (shown), only Sam at 90 (withheld).
    expect(v.headline).toEqual({ newMembers: 4, contributed: 3, medianDaysToFirstContribution: 9, stalled: 2, retention30: 0.667, retention90: null });
    expect((await newcomersView(t.deps, w.c.id, window, true)).headline).toMatchObject({ retention30: 0.667, retention90: 1 });
    expect(v.funnel.map((f) => [f.step, f.reached, f.share, f.medianDaysFromJoining, f.medianDaysFromPreviousStep])).toEqual([
      ['read', 2, 0.5, 1, null], // Nora and Sam, a day after joining
      ['react', 2, 0.5, 20, 19], // 4 and 36 days in; 3 and 35 days after reading
      ['ask', 2, 0.5, 5, 5], // Nora 9, Omar 1; only Nora reacted first (5 days before asking)
      ['reply', 2, 0.5, 73, 34], // Omar 35, Sam 111; Omar 34 days after asking
      ['accepted', 1, 0.25, 36, 1],
      ['article', 1, 0.25, 108, 72],
      ['event', 0, 0, null, null],
      ['mentor', 0, 0, null, null],
    ]);
    expect(v.stalls.filter((s) => s.stalled > 0)).toEqual([{ step: 'ask', stalled: 1 }, { step: 'reply', stalled: 1 }]);
  });

  it('measures retention per join-month cohort only once its window has passed', async () => {
    const v = await newcomersView(t.deps, w.c.id, window, true);
    const cohorts = v.cohorts.filter((c) => c.joined > 0);
    expect(cohorts).toEqual([
      // Sam came back on day 36 and day 111.
      { month: '2026-01', joined: 1, eligible30: 1, retained30: 1, retention30: 1, eligible90: 1, retained90: 1, retention90: 1 },
      // Omar came back on day 35, Nora never; neither has had 180 days yet.
      { month: '2026-06', joined: 2, eligible30: 2, retained30: 1, retention30: 0.5, eligible90: 0, retained90: 0, retention90: null },
      { month: '2026-11', joined: 1, eligible30: 0, retained30: 0, retention30: null, eligible90: 0, retained90: 0, retention90: null },
    ]);
    // A plain member sees no cohort of fewer than 3 measurable newcomers: it would say what Sam, or Nora and Omar, did.
    const plain = (await newcomersView(t.deps, w.c.id, window, false)).cohorts.filter((c) => c.joined > 0);
    expect(plain.map((c) => [c.month, c.joined, c.retention30, c.retention90, c.withheld30, c.withheld90])).toEqual([
      ['2026-01', 1, null, null, true, true],
      ['2026-06', 2, null, null, true, false], // nobody measurable at 90 days yet: nothing to withhold
      ['2026-11', 1, null, null, false, false],
    ]);
  });

  it('gives the newcomer share of active members per month and the lead a summary with one entry per month', async () => {
    const s = await newcomersSummary(t.deps, w.c.id, window);
    expect(s).toHaveLength(12);
    const shares = Object.fromEntries(s.map((m) => [m.month, m.newcomerShareOfActive]));
    // December: only the steward; Jan–Feb: Sam alone (joined in January); May: the steward and Sam (joined 4 months before);
    // June: Nora and Omar (the bot not counted); July: Omar and the steward who accepted his answer; October: Omar, no longer new.
    expect(shares).toEqual({ '2025-12': 0, '2026-01': 1, '2026-02': 1, '2026-03': null, '2026-04': null, '2026-05': 0, '2026-06': 1, '2026-07': 0.5, '2026-08': null, '2026-09': null, '2026-10': 0, '2026-11': null });
    expect(s.filter((m) => m.newMembers > 0).map((m) => [m.month, m.newMembers, m.retention30])).toEqual([['2026-01', 1, 1], ['2026-06', 2, 0.5], ['2026-11', 1, null]]);
  });

  it('keeps the earliest milestone when a backdated row arrives, and a second refresh or a rebuild changes nothing', async () => {
    const db = t.deps.db;
    // Imported later: Nora had read a topic on the day she joined, before her first known read.
    await recordActivity(db, { actorId: w.nora.id, verb: 'topic.viewed', communityId: w.c.id, subjectType: 'topic', subjectId: 1, data: {}, at: '2026-06-01T15:00:00.000Z' });
    await refreshAnalytics(db, { now: NEWCOMERS_NOW, steps });
    const read = await db.selectFrom('analytics_milestones').select('first_at').where('user_id', '=', w.nora.id).where('step', '=', 'read').executeTakeFirstOrThrow();
    expect(read.first_at).toBe('2026-06-01T15:00:00.000Z');
    const snapshot = async () => [await db.selectFrom('analytics_milestones').selectAll().orderBy('community_id').orderBy('user_id').orderBy('step').execute(), await db.selectFrom('analytics_newcomer_returns').selectAll().orderBy('community_id').orderBy('user_id').execute()];
    const before = await snapshot();
    await refreshAnalytics(db, { now: NEWCOMERS_NOW, steps });
    expect(await snapshot()).toEqual(before);
    await rebuildAnalytics(db, { now: NEWCOMERS_NOW, steps });
    expect(await snapshot()).toEqual(before);
  });
});
