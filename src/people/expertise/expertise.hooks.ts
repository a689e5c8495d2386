import type { Db } from '../../core/db/index.ts';
import { awardBadges } from './badges.service.ts';
import { rebuildEvidence, replaceEvidence } from './evidence.store.ts';

/**
 * Keeps demonstrated expertise, reputation and badges up to date after an act that changes evidence
 * (a vote, an accepted answer, an article's state, "I applied this", retagging). Call it inside the
 * act's transaction with the posts, articles or (retagged) topics it touched.
 */
export async function refreshExpertise(tx: Db, subjects: { posts?: number[]; articles?: number[]; topics?: number[] }, at: string): Promise<void> {
  // A retagged topic: re-derive its question and answers (their evidence carries the topic's tags).
  const ofTopics = subjects.topics?.length ? (await tx.selectFrom('posts').select('id').where('topic_id', 'in', subjects.topics).where('kind', 'in', ['opening', 'answer']).execute()).map((p) => p.id) : [];
  const users = await replaceEvidence(tx, { posts: [...(subjects.posts ?? []), ...ofTopics], articles: subjects.articles });
  if (users.length > 0) await awardBadges(tx, users, at);
}

/**
 * Recomputes every member's evidence and awards the badges it earns (the demo seed, importers and
 * operators call it); badges are dated by the evidence that earned them. Returns the number of evidence rows and of badges newly awarded.
 */
export async function rebuildExpertise(db: Db, at: string): Promise<{ evidence: number; badges: number }> {
  const evidence = await rebuildEvidence(db);
  const users = await db.selectFrom('expertise_evidence').select('user_id').distinct().union(db.selectFrom('mentorships').select('mentor_id as user_id')).execute();
  const badges = await awardBadges(db, users.map((u) => u.user_id), at, { backdate: true });
  return { evidence, badges };
}
