import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordActivity } from '../../core/activity.ts';
import type { DbHandle } from '../../core/db/index.ts';
import { fakeClock } from '../../../test/helpers/app.ts';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { healthWindow } from '../period.ts';
import { rebuildAnalytics, refreshAnalytics } from '../refresh.ts';
import { knowledgeHealth, knowledgeSeries, knowledgeSummary } from './knowledge.service.ts';
import { knowledgeStep } from './knowledge.step.ts';
import { KNOWLEDGE_NOW, knowledgeWorld } from './knowledge.world.ts';

const steps = [knowledgeStep];
const month = (m: string, articlesCreated: number, views: number, links: number, applied: number) => ({ month: m, articlesCreated, views, links, applied, reuseEvents: views + links + applied });

describeEachDialect('knowledge health on a hand-made history', (dialect) => {
  let h: DbHandle;
  let w: Awaited<ReturnType<typeof knowledgeWorld>>;
  const clock = fakeClock(KNOWLEDGE_NOW);
  const deps = () => ({ db: h.db, clock });
  const window = healthWindow(KNOWLEDGE_NOW, 4);
  const refresh = () => refreshAnalytics(h.db, { now: KNOWLEDGE_NOW, steps });
  beforeAll(async () => {
    h = await openTestDb(dialect);
    w = await knowledgeWorld(h.db);
    await refresh();
  });
  afterAll(async () => h.close());

  it('counts articles created and their reuse per month: views (not the author’s own), links, and applied once per member', async () => {
    expect(await knowledgeSeries(deps(), w.guild.id, window)).toEqual([month('2026-08', 0, 0, 0, 0), month('2026-09', 1, 0, 0, 0), month('2026-10', 1, 3, 2, 1), month('2026-11', 1, 1, 0, 1)]);
    expect(await knowledgeSeries(deps(), w.vault.id, window)).toEqual([month('2026-08', 0, 0, 0, 0), month('2026-09', 0, 0, 0, 0), month('2026-10', 1, 0, 0, 0), month('2026-11', 0, 0, 0, 0)]);
  });

  it('lists the most reused articles over the window with their views, links and applied', async () => {
    const k = await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: false }, window);
    expect(k.mostReused).toEqual([
      { id: w.a1, title: 'Indexing basics', state: 'draft', views: 3, links: 2, applied: 2, reuse: 7 },
      { id: w.a2, title: 'Query plans', state: 'draft', views: 1, links: 0, applied: 0, reuse: 1 },
    ]);
    expect(k.totals).toEqual({ articlesCreated: 3, views: 4, links: 2, applied: 2, reuseEvents: 8 });
  });

  it('lists endorsed practices due within 30 days or past, and those flagged for review, with their owners', async () => {
    const k = await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: false }, window);
    expect(k.dueForReview.map((d) => [d.title, d.reviewDueAt, d.overdue, d.owners.map((o) => o.displayName)])).toEqual([
      ['Stale guide', '2026-11-01T00:00:00.000Z', true, ['Ben Member', 'Cat Member']],
      ['Vacuum schedule', '2026-11-20T00:00:00.000Z', true, ['Cat Member']],
      ['Backups', '2026-12-10T00:00:00.000Z', false, ['Cat Member']],
    ]);
  });

  it('flags "sql" at risk (Eve and Fay hold 40/46 and are quiet 77 days), not "ops" (Gus is active), and names nobody to aggregates', async () => {
    const k = await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: false }, window);
    expect(k.atRisk).toEqual([{ tag: 'sql', share: 40 / 46, experts: 2, evidence: 6, holders: 4, quietDays: 77 }]);
    expect(k.concentratedTags).toBe(2);
    const text = JSON.stringify(k.atRisk);
    for (const u of [w.eve, w.fay, w.ivy, w.hal]) expect(text).not.toContain(u.username);
    expect(text).not.toMatch(/Eve Expert|Fay Expert|Ivy Asker|Hal Learner/);
  });

  it('shows stewards the experts and the apprentices ranked: Ivy (recent question and answer) before Hal (older evidence), no bot', async () => {
    const k = await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: true }, window);
    const people = k.atRisk[0]!.people!;
    expect(people.experts).toEqual([
      { username: w.eve.username, displayName: 'Eve Expert', lastActAt: '2026-09-10T09:00:00.000Z' },
      { username: w.fay.username, displayName: 'Fay Expert', lastActAt: '2026-07-15T10:00:00.000Z' },
    ]);
    // Hal: 4 × 0.5^(178.08 days / 365) = 2.85.
    expect(people.apprentices).toEqual([
      { username: w.ivy.username, displayName: 'Ivy Asker', evidenceScore: 0, recentAnswers: 1, recentQuestions: 1 },
      { username: w.hal.username, displayName: 'Hal Learner', evidenceScore: 2.9, recentAnswers: 0, recentQuestions: 0 },
    ]);
  });

  it('sums it up for the overview: created and reuse per month, tags at risk, articles due', async () => {
    expect(await knowledgeSummary(deps(), w.guild.id, window)).toEqual({
      months: [
        { month: '2026-08', articlesCreated: 0, reuseEvents: 0 },
        { month: '2026-09', articlesCreated: 1, reuseEvents: 0 },
        { month: '2026-10', articlesCreated: 1, reuseEvents: 6 },
        { month: '2026-11', articlesCreated: 1, reuseEvents: 2 },
      ],
      atRiskTags: 1,
      dueForReview: 3,
    });
  });

  it('puts a backdated view in its own month, and gives the same figures when refreshed again or rebuilt', async () => {
    await recordActivity(h.db, { actorId: w.cat.id, verb: 'article.viewed', communityId: w.guild.id, subjectType: 'article', subjectId: w.a2, at: '2026-09-20T09:00:00.000Z' });
    expect((await refresh()).rows).toBe(1);
    const expected = [month('2026-08', 0, 0, 0, 0), month('2026-09', 1, 1, 0, 0), month('2026-10', 1, 3, 2, 1), month('2026-11', 1, 1, 0, 1)];
    expect(await knowledgeSeries(deps(), w.guild.id, window)).toEqual(expected);
    await refresh();
    expect(await knowledgeSeries(deps(), w.guild.id, window)).toEqual(expected);
    await rebuildAnalytics(h.db, { now: KNOWLEDGE_NOW, steps });
    expect(await knowledgeSeries(deps(), w.guild.id, window)).toEqual(expected);
    expect((await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: false }, window)).atRisk.map((r) => r.tag)).toEqual(['sql']);
  });

  it('takes a link away from October when the post that held it is edited', async () => {
    await h.db.deleteFrom('links').where('source_type', '=', 'post').where('source_id', '=', w.linkingPost).execute();
    await recordActivity(h.db, { actorId: w.ben.id, verb: 'post.edited', communityId: w.guild.id, subjectType: 'post', subjectId: w.linkingPost, at: '2026-11-25T09:00:00.000Z' });
    await refresh();
    expect((await knowledgeSeries(deps(), w.guild.id, window))[2]).toEqual(month('2026-10', 1, 3, 1, 1));
  });

  it('counts what a knowledge import created and the links its bodies hold, in their months', async () => {
    await h.db.insertInto('links').values({ source_type: 'article', source_id: w.a3, target_type: 'article', target_id: w.a2, created_at: '2026-11-20T09:00:00.000Z' }).execute();
    await recordActivity(h.db, { actorId: w.sara.id, verb: 'knowledge.imported', communityId: w.guild.id, subjectType: 'community', subjectId: w.guild.id, at: '2026-11-20T09:00:00.000Z', data: { articles: { created: 2, updated: 1, unchanged: 0 } } });
    await refresh();
    const series = await knowledgeSeries(deps(), w.guild.id, window);
    expect(series[2]).toEqual(month('2026-10', 1, 3, 1, 1));
    expect(series[3]).toEqual(month('2026-11', 3, 1, 1, 1));
  });

  it('counts new evidence: Hal’s accepted answer (40) makes him and Eve the sql experts, and he is active; deleting the answer puts sql back at risk', async () => {
    const at = '2026-06-01T10:00:00.000Z';
    const answer = await h.db.insertInto('posts').values({ topic_id: w.sqlQuestion, author_id: w.hal.id, kind: 'answer', body: 'Add an index.', body_html: '<p>Add an index.</p>', created_at: at, updated_at: at, edited_at: null, deleted_at: null, deleted_by: null }).returning('id').executeTakeFirstOrThrow();
    const e = await h.db.insertInto('expertise_evidence').values({ user_id: w.hal.id, community_id: w.guild.id, kind: 'accepted_answer', subject_type: 'post', subject_id: answer.id, weight: 40, points: 0, at }).returning('id').executeTakeFirstOrThrow();
    await h.db.insertInto('expertise_evidence_tags').values({ evidence_id: e.id, tag: 'sql' }).execute();
    await recordActivity(h.db, { actorId: w.ivy.id, verb: 'answer.accepted', communityId: w.guild.id, subjectType: 'post', subjectId: answer.id, at: '2026-11-25T10:00:00.000Z' });
    await refresh();
    const k = await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: false }, window);
    expect(k.atRisk).toEqual([]);
    expect(k.concentratedTags).toBe(2);
    await h.db.updateTable('posts').set({ deleted_at: '2026-11-25T11:00:00.000Z' }).where('id', '=', answer.id).execute();
    await recordActivity(h.db, { actorId: w.sara.id, verb: 'post.deleted', communityId: w.guild.id, subjectType: 'post', subjectId: answer.id, at: '2026-11-25T11:00:00.000Z' });
    await refresh();
    expect((await knowledgeHealth(deps(), { communityId: w.guild.id, individuals: false }, window)).atRisk.map((r) => [r.tag, r.share])).toEqual([['sql', 40 / 46]]);
  });
});
