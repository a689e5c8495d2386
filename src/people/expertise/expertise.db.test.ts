import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, openTestDb } from '../../../test/helpers/db.ts';
import type { Db } from '../../core/db/index.ts';
import { rebuildEvidence } from './evidence.store.ts';
import { acceptAt, answeredQuestion, applyIt, expertiseWorld, makeArticle, voteOn } from './expertise.fixtures.ts';
import { demonstratedExpertise } from './expertise.service.ts';

const NOW = new Date('2026-11-01T00:00:00.000Z');

describeEachDialect('demonstratedExpertise', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let w: Awaited<ReturnType<typeof expertiseWorld>>;
  let ids: { answer: number; topic: number; article: number; secretAnswer: number };

  beforeAll(async () => {
    const h = await openTestDb(dialect);
    db = h.db;
    close = h.close;
    w = await expertiseWorld(db);
    // Expert: an accepted answer (accepted today) with 3 up and 1 down votes, in tags chisels + sharpening.
    const a = await answeredQuestion(db, w.pub.id, w.asker.id, w.expert.id, ['chisels', 'sharpening']);
    await acceptAt(db, a.topicId, a.answerId, w.pub.id, NOW.toISOString());
    await voteOn(db, a.answerId, [{ userId: w.v1.id, value: 1 }, { userId: w.v2.id, value: 1 }, { userId: w.v3.id, value: 1 }, { userId: w.asker.id, value: -1 }]);
    // An endorsed article reviewed exactly one half-life (365 days) ago, tag sharpening, applied by two members today.
    const article = await makeArticle(db, w.pub.id, w.expert.id, { state: 'endorsed', tags: ['sharpening'], reviewedAt: '2025-11-01T00:00:00.000Z' });
    await applyIt(db, 'article', article, w.v1.id, NOW.toISOString());
    await applyIt(db, 'article', article, w.v2.id, NOW.toISOString());
    // A draft article counts for nothing.
    await makeArticle(db, w.pub.id, w.rival.id, { state: 'draft', tags: ['sharpening'] });
    // Private: an accepted answer in the back room, tag chisels.
    const s = await answeredQuestion(db, w.secret.id, w.asker.id, w.expert.id, ['chisels'], 'Secret chisel question');
    await acceptAt(db, s.topicId, s.answerId, w.secret.id, NOW.toISOString());
    ids = { answer: a.answerId, topic: a.topicId, article, secretAnswer: s.answerId };
    await rebuildEvidence(db);
  });
  afterAll(async () => close());

  it('adds accepted answers, net answer votes, endorsed articles and applications, with a 365-day half-life', async () => {
    const r = await demonstratedExpertise(db, { userIds: [w.expert.id], communityIds: [w.pub.id], now: NOW });
    const byTag = new Map(r.map((x) => [x.tag, x]));
    // chisels: accepted 10 + votes 2×(3−1)=4 (answer written just before NOW, so ≈ undecayed)
    expect(byTag.get('chisels')?.score).toBeCloseTo(14, 1);
    // sharpening: 14 + endorsed 15 × ½ + applied 2 × 3 = 27.5
    expect(byTag.get('sharpening')?.score).toBeCloseTo(27.5, 1);
    expect(r[0]?.tag).toBe('sharpening');
  });

  it('links every piece of evidence to its answer or article', async () => {
    const [sharp] = await demonstratedExpertise(db, { userIds: [w.expert.id], tags: ['sharpening'], communityIds: [w.pub.id], now: NOW });
    const kinds = Object.fromEntries(sharp!.evidence.map((e) => [e.kind, e]));
    expect(kinds.accepted_answer?.url).toBe(`/c/${w.pub.slug}/t/${ids.topic}#post-${ids.answer}`);
    expect(kinds.endorsed_article?.url).toBe(`/c/${w.pub.slug}/a/${ids.article}`);
    expect(kinds.endorsed_article?.decayedWeight).toBeCloseTo(7.5, 1);
    expect(kinds.applied?.weight).toBe(6);
    expect(sharp!.evidenceCount).toBe(4);
  });

  it('decays with time: one more half-life halves every item', async () => {
    const later = new Date(NOW.getTime() + 365 * 86_400_000);
    const [chisels] = await demonstratedExpertise(db, { userIds: [w.expert.id], tags: ['chisels'], communityIds: [w.pub.id], now: later });
    expect(chisels!.score).toBeCloseTo(7, 1);
  });

  it('leaves out evidence from communities not passed (private evidence stays with readers)', async () => {
    const outside = await demonstratedExpertise(db, { userIds: [w.expert.id], tags: ['chisels'], communityIds: [w.pub.id], now: NOW });
    expect(outside[0]!.evidence.some((e) => e.subjectId === ids.secretAnswer)).toBe(false);
    const inside = await demonstratedExpertise(db, { userIds: [w.expert.id], tags: ['chisels'], communityIds: [w.pub.id, w.secret.id], now: NOW });
    expect(inside[0]!.score).toBeCloseTo(24, 1);
    expect(inside[0]!.communities.map((c) => c.communityId).sort()).toEqual([w.pub.id, w.secret.id].sort());
  });

  it('gives nothing for drafts, and nothing for an empty filter', async () => {
    expect(await demonstratedExpertise(db, { userIds: [w.rival.id], now: NOW })).toEqual([]);
    expect(await demonstratedExpertise(db, { tags: [], now: NOW })).toEqual([]);
  });

  describe('a deleted answer', () => {
    it('stops counting', async () => {
      await db.updateTable('posts').set({ deleted_at: NOW.toISOString() }).where('id', '=', ids.secretAnswer).execute();
      const r = await demonstratedExpertise(db, { userIds: [w.expert.id], tags: ['chisels'], communityIds: [w.secret.id], now: NOW });
      expect(r).toEqual([]);
    });
  });
});
