import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { makeCommunity } from '../../../test/helpers/factories.ts';
import { topicVia } from '../../discussions/moderation/moderation.fixtures.ts';
import { proposeMentors } from './mentoring.candidates.ts';
import { offerVia, person } from './mentoring.fixtures.ts';

describeEachDialect('proposeMentors', (dialect) => {
  let t: TestApp;
  const now = new Date('2026-11-20T12:00:00Z');
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock: fakeClock(now) });
  });
  afterAll(async () => t.close());

  /** An accepted-answer piece of evidence for `userId` in tag `tag`, on a topic they start in a new community. */
  async function evidence(b: Awaited<ReturnType<typeof person>>, tag: string, visibility: 'public' | 'private', weight: number) {
    const c = await makeCommunity(t.deps.db, b.userId, { visibility });
    const topicId = await topicVia(t, b, c.slug);
    const post = await t.deps.db.selectFrom('posts').select('id').where('topic_id', '=', topicId).executeTakeFirstOrThrow();
    const { id } = await t.deps.db.insertInto('expertise_evidence').values({ user_id: b.userId, community_id: c.id, kind: 'accepted_answer', subject_type: 'post', subject_id: post.id, weight, points: 0, at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
    await t.deps.db.insertInto('expertise_evidence_tags').values({ evidence_id: id, tag }).execute();
  }

  describe('with demonstrated expertise', () => {
    it('lifts a mentor with evidence the mentee may read, and ignores evidence in a private community they are not in', async () => {
      const skill = `sql-${dialect}`;
      const [plain, proven, secret, mentee] = [await person(t), await person(t), await person(t), await person(t)];
      for (const m of [plain, proven, secret]) await offerVia(t, m, { skills: [skill], capacity: 2 });
      await evidence(proven, skill, 'public', 5);
      await evidence(secret, skill, 'private', 50);
      const actor = { id: mentee.userId, username: mentee.username, displayName: mentee.displayName, role: 'member' as const };
      const ranked = await proposeMentors(t.deps, actor, [{ skill, skillKey: skill }]);
      expect(ranked.map((p) => p.userId)).toEqual([proven.userId, plain.userId, secret.userId]);
      expect(ranked[0]!.factors.expertise).toBe(1.25);
      expect(ranked[0]!.reasons).toContain(`demonstrated expertise in ${skill} (5)`);
      expect(ranked[2]!.factors.expertise).toBe(1);
    });

    it('uses declared skills and leaves out the mentee, learners, paused offers and mentors they already asked', async () => {
      const skill = `gis-${dialect}`;
      const [declared, learner, paused, asked, mentee] = [await person(t), await person(t), await person(t), await person(t), await person(t)];
      await offerVia(t, declared, { skills: ['Something else'] });
      await t.deps.db.insertInto('user_skills').values({ user_id: declared.userId, skill, skill_key: skill, level: 'expert', created_at: now.toISOString() }).execute();
      await offerVia(t, learner, { skills: ['Something else'] });
      await t.deps.db.insertInto('user_skills').values({ user_id: learner.userId, skill, skill_key: skill, level: 'learning', created_at: now.toISOString() }).execute();
      await offerVia(t, paused, { skills: [skill], active: false });
      await offerVia(t, asked, { skills: [skill] });
      await offerVia(t, mentee, { skills: [skill] });
      await t.deps.db.insertInto('mentoring_requests').values({ mentee_id: mentee.userId, mentor_id: asked.userId, community_id: null, goals: 'x', goals_html: 'x', state: 'pending', created_at: now.toISOString(), updated_at: now.toISOString(), decided_at: null }).execute();
      const actor = { id: mentee.userId, username: mentee.username, displayName: mentee.displayName, role: 'member' as const };
      const ranked = await proposeMentors(t.deps, actor, [{ skill, skillKey: skill }]);
      expect(ranked.map((p) => p.userId)).toEqual([declared.userId]);
      expect(ranked[0]!.reasons[0]).toBe(`declares ${skill} (expert)`);
    });
  });
});
