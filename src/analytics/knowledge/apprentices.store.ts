import type { Db } from '../../core/db/index.ts';
import { decayFactor } from '../../people/expertise/expertise.rules.ts';
import { liveEvidence } from '../../people/expertise/expertise.store.ts';
import type { ApprenticeCandidate } from './knowledge.measures.ts';

/**
 * Who could learn a tag from its quiet experts: current members (people, not staff or bots) of the
 * community who acted there since `activeSince`, with their decayed evidence score in the tag and
 * their questions and answers/replies in it since `recentSince`. Unranked (knowledge.measures ranks).
 */
export async function apprenticeCandidates(db: Db, communityId: number, tag: string, opts: { now: Date; recentSince: string; activeSince: string }): Promise<ApprenticeCandidate[]> {
  const byUser = new Map<number, ApprenticeCandidate>();
  const of = (id: number) => byUser.get(id) ?? byUser.set(id, { userId: id, evidenceScore: 0, recentAnswers: 0, recentQuestions: 0 }).get(id)!;

  const evidence = await db
    .selectFrom('expertise_evidence_tags as t')
    .innerJoin('expertise_evidence as e', 'e.id', 't.evidence_id')
    .select(['e.user_id', 'e.weight', 'e.at'])
    .where('t.tag', '=', tag)
    .where('e.community_id', '=', communityId)
    .where(liveEvidence)
    .execute();
  for (const e of evidence) of(Number(e.user_id)).evidenceScore += Number(e.weight) * decayFactor(e.at, opts.now);
  for (const c of byUser.values()) c.evidenceScore = Math.max(0, c.evidenceScore);

  const questions = await db
    .selectFrom('topic_tags as tt')
    .innerJoin('topics', 'topics.id', 'tt.topic_id')
    .select(['topics.author_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tt.community_id', '=', communityId)
    .where('tt.tag', '=', tag)
    .where('topics.kind', '=', 'question')
    .where('topics.deleted_at', 'is', null)
    .where('topics.created_at', '>=', opts.recentSince)
    .groupBy('topics.author_id')
    .execute();
  for (const q of questions) of(Number(q.author_id)).recentQuestions += Number(q.n);

  const answers = await db
    .selectFrom('topic_tags as tt')
    .innerJoin('topics', 'topics.id', 'tt.topic_id')
    .innerJoin('posts', 'posts.topic_id', 'topics.id')
    .select(['posts.author_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tt.community_id', '=', communityId)
    .where('tt.tag', '=', tag)
    .where('topics.last_posted_at', '>=', opts.recentSince)
    .where('topics.deleted_at', 'is', null)
    .where('posts.kind', 'in', ['answer', 'reply'])
    .where('posts.deleted_at', 'is', null)
    .where('posts.created_at', '>=', opts.recentSince)
    .groupBy('posts.author_id')
    .execute();
  for (const a of answers) of(Number(a.author_id)).recentAnswers += Number(a.n);

  const ids = [...byUser.keys()];
  if (ids.length === 0) return [];
  const eligible = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('analytics_member_last as l', (j) => j.onRef('l.community_id', '=', 'm.community_id').onRef('l.user_id', '=', 'm.user_id'))
      .select('m.user_id')
      .where('m.community_id', '=', communityId)
      .where('m.user_id', 'in', ids.slice(i, i + 500))
      .where('u.account_kind', '=', 'person')
      .where('l.last_at', '>=', opts.activeSince)
      .execute();
    for (const r of rows) eligible.add(Number(r.user_id));
  }
  return [...byUser.values()].filter((c) => eligible.has(c.userId));
}
