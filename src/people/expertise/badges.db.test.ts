import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import { addMember, makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../core/db/index.ts';
import { awardBadges } from './badges.service.ts';
import { rebuildExpertise } from './expertise.hooks.ts';
import { acceptAt, answeredQuestion, applyIt, expertiseWorld, makeArticle, voteOn } from './expertise.fixtures.ts';

const NOW = '2026-11-20T00:00:00.000Z';

describeEachDialect('badge rules', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let w: Awaited<ReturnType<typeof expertiseWorld>>;
  const badgesOf = async (userId: number) => (await db.selectFrom('user_badges').select('badge').where('user_id', '=', userId).orderBy('badge').execute()).map((b) => b.badge);

  beforeAll(async () => {
    const h = await openTestDb(dialect);
    db = h.db;
    close = h.close;
    w = await expertiseWorld(db);
    // expert: accepted answers in both communities; one answer at net +5; endorsed article applied 5 times.
    const a = await answeredQuestion(db, w.pub.id, w.asker.id, w.expert.id, ['chisels']);
    await acceptAt(db, a.topicId, a.answerId, w.pub.id, NOW);
    const s = await answeredQuestion(db, w.secret.id, w.asker.id, w.expert.id, ['chisels']);
    await acceptAt(db, s.topicId, s.answerId, w.secret.id, NOW);
    const extra = await Promise.all([1, 2].map((i) => makeUser(db, { display_name: `Extra ${i}` })));
    const ups: Array<{ userId: number; value: 1 | -1 }> = [w.v1, w.v2, w.v3, w.steward, ...extra].map((u) => ({ userId: u.id, value: 1 }));
    await voteOn(db, a.answerId, [...ups, { userId: w.rival.id, value: -1 }]);
    const art = await makeArticle(db, w.pub.id, w.expert.id, { state: 'endorsed', tags: ['sharpening'] });
    for (const u of [w.v1, w.v2, w.v3, w.steward, w.asker]) await applyIt(db, 'article', art, u.id, NOW);
    // rival: an accepted answer for a newcomer (joined 10 days before asking); an answer at net +4 only.
    const newcomer = await makeUser(db, { display_name: 'Nell Newcomer' });
    await addMember(db, w.pub.id, newcomer.id);
    const q = await answeredQuestion(db, w.pub.id, newcomer.id, w.rival.id, ['chisels']);
    const asked = await db.selectFrom('topics').select('created_at').where('id', '=', q.topicId).executeTakeFirstOrThrow();
    await db.updateTable('memberships').set({ created_at: new Date(Date.parse(asked.created_at) - 10 * 86_400_000).toISOString() }).where('user_id', '=', newcomer.id).execute();
    await acceptAt(db, q.topicId, q.answerId, w.pub.id, NOW);
    await voteOn(db, q.answerId, [w.v1, w.v2, w.v3, w.steward].map((u) => ({ userId: u.id, value: 1 as const })));
    // asker (a long-time member, joined 40 days before asking): v1 answers; no newcomer badge for v1.
    const old = await answeredQuestion(db, w.pub.id, w.asker.id, w.v1.id, ['chisels']);
    await db.updateTable('memberships').set({ created_at: '2026-09-01T00:00:00.000Z' }).where('user_id', '=', w.asker.id).execute();
    await acceptAt(db, old.topicId, old.answerId, w.pub.id, '2026-11-10T00:00:00.000Z');
    // steward mentored 3 different members (one of them twice); v2 mentored 2.
    const ms = (mentor: number, mentee: number) => ({ mentor_id: mentor, mentee_id: mentee, community_id: null, request_id: null, state: 'active' as const, started_at: NOW, ended_at: null });
    await db.insertInto('mentorships').values([ms(w.steward.id, w.v1.id), ms(w.steward.id, w.v2.id), ms(w.steward.id, w.v3.id), ms(w.steward.id, w.v3.id), ms(w.v2.id, w.v1.id), ms(w.v2.id, w.v3.id)]).execute();
    await rebuildExpertise(db, NOW);
  });
  afterAll(async () => close());

  it('awards the milestone badges their rules describe', async () => {
    expect(await badgesOf(w.expert.id)).toEqual(['bridge_builder', 'first_accepted_answer', 'first_endorsed_article', 'put_to_use', 'well_received']);
    expect(await badgesOf(w.rival.id)).toEqual(['first_accepted_answer', 'helped_newcomer']);
    expect(await badgesOf(w.v1.id)).toEqual(['first_accepted_answer']);
    expect(await badgesOf(w.steward.id)).toEqual(['mentor']);
    expect(await badgesOf(w.v2.id)).toEqual([]);
  });

  it('dates a rebuilt badge by the evidence that earned it', async () => {
    const b = await db.selectFrom('user_badges').select('awarded_at').where('user_id', '=', w.v1.id).executeTakeFirstOrThrow();
    expect(b.awarded_at).toBe('2026-11-10T00:00:00.000Z');
  });

  it('records one badge.awarded activity per badge, naming the community where one applies', async () => {
    const acts = await db.selectFrom('activity').select(['actor_id', 'community_id', 'data']).where('verb', '=', 'badge.awarded').where('actor_id', '=', w.rival.id).execute();
    expect(acts).toHaveLength(2);
    expect(acts.every((a) => a.community_id === w.pub.id)).toBe(true);
  });

  it('awards each badge once, however often the rules run', async () => {
    const before = await db.selectFrom('user_badges').select('id').execute();
    expect(await awardBadges(db, [w.expert.id, w.rival.id, w.steward.id, w.v1.id], NOW)).toBe(0);
    await rebuildExpertise(db, NOW);
    expect(await db.selectFrom('user_badges').select('id').execute()).toHaveLength(before.length);
    const acts = await db.selectFrom('activity').select('id').where('verb', '=', 'badge.awarded').execute();
    expect(acts).toHaveLength(before.length);
  });
});
