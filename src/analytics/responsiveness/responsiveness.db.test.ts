import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { recordActivity } from '../../core/activity.ts';
import { healthWindow } from '../period.ts';
import { rebuildAnalytics, refreshAnalytics } from '../refresh.ts';
import { accept, ask, respond, hoursAfter } from './questions.fixtures.ts';
import { questionsStep } from './questions.step.ts';
import { responseTimeByAskerGroup, responsivenessSummary, responsivenessView } from './responsiveness.service.ts';
import { RESP_NOW, responsivenessWorld } from './responsiveness.world.ts';

const steps = [questionsStep];

describeEachDialect('responsiveness: question facts and figures', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof responsivenessWorld>>;
  const window = healthWindow(RESP_NOW, 3);
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(RESP_NOW) });
    w = await responsivenessWorld(t.deps.db);
    await refreshAnalytics(t.deps.db, { now: RESP_NOW, steps });
  });
  afterAll(async () => t.close());

  it('keeps one fact per question: the first response by another person, the first accept, bots and discussions left out', async () => {
    const facts = await t.deps.db.selectFrom('analytics_questions').select(['topic_id', 'first_responder_id', 'response_seconds', 'accepted_seconds', 'asker_kind']).orderBy('asked_at').execute();
    const byTopic = new Map(facts.map((f) => [Number(f.topic_id), f]));
    expect(byTopic.get(w.q1)).toMatchObject({ first_responder_id: w.rex.id, response_seconds: 2 * 3600, accepted_seconds: 5 * 3600 });
    // The bot answered after 30 minutes and the asker replied after an hour: neither is a response.
    expect(byTopic.get(w.q2)).toMatchObject({ first_responder_id: w.rue.id, response_seconds: 4 * 3600, accepted_seconds: null });
    // A comment on the question is a response.
    expect(byTopic.get(w.q3)).toMatchObject({ first_responder_id: w.rue.id, response_seconds: 10 * 3600, accepted_seconds: 30 * 3600 });
    // The answer after one hour was deleted: the first response is the one after 60 hours.
    expect(byTopic.get(w.q4)).toMatchObject({ first_responder_id: w.rex.id, response_seconds: 60 * 3600 });
    // 7 questions (one a bot's, stored but not counted); the discussion is no question.
    expect(facts.map((f) => f.asker_kind).sort()).toEqual(['bot', 'person', 'person', 'person', 'person', 'person', 'person']);
  });

  it('computes the window figures by hand: medians, 90th percentiles and the 48-hour unanswered share', async () => {
    const v = await responsivenessView(t.deps, w.c.id, window, true);
    // First responses [2, 4, 10, 60] h: median (4 + 10) / 2 = 7; p90 at rank 2.7 = 10 + 0.7 × 50 = 45.
    // Accepts [5, 30] h: median 17.5; p90 at rank 0.9 = 5 + 0.9 × 25 = 27.5.
    // Five questions are 48 h old (not the one asked 24 h ago); two of them had no response within 48 h.
    expect(v.headline).toEqual({ questions: 6, medianFirstResponseHours: 7, p90FirstResponseHours: 45, medianAcceptedHours: 17.5, p90AcceptedHours: 27.5, questionsOver48h: 5, unanswered48h: 2, unanswered48hShare: 0.4 });
    expect(v.months.map((m) => [m.period, m.questions])).toEqual([['2026-09', 0], ['2026-10', 0], ['2026-11', 6]]);
    const weeks = v.weeks.filter((x) => x.questions > 0).map((x) => [x.period, x.questions, x.medianFirstResponseHours]);
    expect(weeks).toEqual([['2026-11-02', 5, 7], ['2026-11-23', 1, null]]);
    expect(v.weeks[0]!.period).toBe('2026-08-31');
    expect(v.weeks.at(-1)!.period).toBe('2026-11-23');
  });

  it('splits response time by asker group: all groups for stewards, small ones folded and withheld for others', async () => {
    const all = await responseTimeByAskerGroup(t.deps, w.c.id, window, { individuals: true });
    // Nina joined 32 days before asking (newcomer); Gus and Pia long ago. Established: [4, 10, 60] → median 10, p90 50.
    expect(all.tenure.map((g) => [g.group, g.askers, g.questions, g.medianFirstResponseHours, g.p90FirstResponseHours, g.unanswered48hShare])).toEqual([
      ['Established members', 2, 4, 10, 50, 0.5],
      ['Newcomers', 1, 2, 2, 2, 0],
    ]);
    // Pia keeps her discipline to herself: not given.
    expect(all.discipline.map((g) => [g.group, g.askers, g.questions, g.medianFirstResponseHours])).toEqual([
      ['Geology', 1, 2, 32], // Gus: 4 h and 60 h
      ['Hydrology', 1, 2, 2],
      ['Not given', 1, 2, 10],
    ]);
    const folded = await responseTimeByAskerGroup(t.deps, w.c.id, window);
    expect(folded.tenure.every((g) => g.withheld && g.medianFirstResponseHours === null && g.unanswered48hShare === null)).toBe(true);
    expect(folded.discipline).toHaveLength(1);
    expect(folded.discipline[0]).toMatchObject({ group: 'Other', askers: 3, questions: 6, withheld: false, medianFirstResponseHours: 7, unanswered48hShare: 0.4 });
  });

  it('gives the lead a monthly summary with one entry per window month', async () => {
    const s = await responsivenessSummary(t.deps, w.c.id, window);
    expect(s.months).toEqual([
      { month: '2026-09', questions: 0, medianFirstResponseHours: null, unanswered48hShare: null },
      { month: '2026-10', questions: 0, medianFirstResponseHours: null, unanswered48hShare: null },
      { month: '2026-11', questions: 6, medianFirstResponseHours: 7, unanswered48hShare: 0.4 },
    ]);
  });

  it('lands a backdated import in its own month, keeps the first accept, follows kind changes, and a rebuild gives the same figures', async () => {
    const db = t.deps.db;
    const old = '2026-09-15T08:00:00.000Z';
    const q = await ask(db, w.c.id, w.gus.id, old);
    await respond(db, w.c.id, q, w.rue.id, hoursAfter(old, 3));
    const b = await respond(db, w.c.id, w.q1, w.rue.id, hoursAfter('2026-11-02T10:00:00.000Z', 50));
    await accept(db, w.c.id, w.q1, b, w.nina.id, w.rue.id, '2026-11-20T00:00:00.000Z'); // a re-accept keeps the first accept time
    await refreshAnalytics(db, { now: RESP_NOW, steps });
    let v = await responsivenessView(t.deps, w.c.id, window, true);
    expect(v.months.map((m) => [m.period, m.questions, m.medianFirstResponseHours])).toEqual([['2026-09', 1, 3], ['2026-10', 0, null], ['2026-11', 6, 7]]);
    expect(v.headline.medianAcceptedHours).toBe(17.5);
    // Rue becomes a bot: her responses stop counting (Q2 left without one; Q3's first response is Rex's at 20 h).
    await db.updateTable('users').set({ account_kind: 'bot' }).where('id', '=', w.rue.id).execute();
    await recordActivity(db, { actorId: w.steward.id, verb: 'user.kind_changed', subjectType: 'user', subjectId: w.rue.id, data: { from: 'person', to: 'bot' }, at: RESP_NOW.toISOString() });
    await refreshAnalytics(db, { now: RESP_NOW, steps });
    v = await responsivenessView(t.deps, w.c.id, window, true);
    // November first responses now [2, 20, 60]: median 20. September's only answer was Rue's: none left.
    expect(v.months.map((m) => [m.period, m.questions, m.medianFirstResponseHours])).toEqual([['2026-09', 1, null], ['2026-10', 0, null], ['2026-11', 6, 20]]);
    const before = await db.selectFrom('analytics_questions').selectAll().orderBy('topic_id').execute();
    await rebuildAnalytics(db, { now: RESP_NOW, steps });
    const after = await db.selectFrom('analytics_questions').selectAll().orderBy('topic_id').execute();
    // A rebuild sees the accepts in id order, so Q1 keeps its first accept (5 h) there too.
    expect(after).toEqual(before);
  });
});
