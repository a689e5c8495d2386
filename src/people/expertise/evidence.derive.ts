import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { EvidenceKind } from '../../core/db/tables/expertise.ts';
import { ACCEPTED_ANSWER_WEIGHT, APPLIED_WEIGHT, ENDORSED_ARTICLE_WEIGHT, POINTS, answerVoteEvidence, questionVoteEvidence } from './expertise.rules.ts';

/** One evidence row as derived from the source tables (before it is stored). */
export interface DerivedEvidence {
  userId: number;
  communityId: number;
  kind: EvidenceKind;
  subjectType: 'post' | 'article';
  subjectId: number;
  weight: number;
  points: number;
  at: string;
  tags: string[];
}

function groupTags(rows: Array<{ id: number; tag: string }>): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const r of rows) m.set(r.id, [...(m.get(r.id) ?? []), r.tag]);
  return m;
}

async function appliedCounts(db: Db, type: 'post' | 'article', ids: number[]): Promise<Map<number, { n: number; last: string }>> {
  const rows = await db.selectFrom('applied').select(['subject_id', sql<number>`count(*)`.as('n'), sql<string>`max(created_at)`.as('last')]).where('subject_type', '=', type).where('subject_id', 'in', ids).groupBy('subject_id').execute();
  return new Map(rows.map((r) => [r.subject_id, { n: Number(r.n), last: r.last }]));
}

/**
 * The evidence the given posts carry now: accepted answers, answer and question votes, "I applied
 * this" on answers — for live posts of live questions only. Tags are the topic's tags.
 */
export async function derivePostEvidence(db: Db, postIds: number[]): Promise<DerivedEvidence[]> {
  if (postIds.length === 0) return [];
  const posts = await db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .select(['p.id', 'p.kind', 'p.author_id', 'p.created_at', 't.id as topic_id', 't.community_id', 't.accepted_post_id'])
    .where('p.id', 'in', postIds)
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.kind', '=', 'question')
    .where('p.kind', 'in', ['opening', 'answer'])
    .execute();
  if (posts.length === 0) return [];
  const ids = posts.map((p) => p.id);
  const votes = await db
    .selectFrom('votes')
    .select(['post_id', sql<number>`sum(case when value > 0 then 1 else 0 end)`.as('up'), sql<number>`sum(case when value < 0 then 1 else 0 end)`.as('down')])
    .where('post_id', 'in', ids)
    .groupBy('post_id')
    .execute();
  const voteMap = new Map(votes.map((v) => [v.post_id, { up: Number(v.up), down: Number(v.down) }]));
  const accepted = await db.selectFrom('activity').select(['subject_id', sql<string>`max(created_at)`.as('at')]).where('verb', '=', 'answer.accepted').where('subject_type', '=', 'post').where('subject_id', 'in', ids).groupBy('subject_id').execute();
  const acceptedAt = new Map(accepted.map((a) => [a.subject_id, a.at]));
  const applied = await appliedCounts(db, 'post', ids);
  const topicIds = [...new Set(posts.map((p) => p.topic_id))];
  const tags = groupTags(await db.selectFrom('topic_tags').select(['topic_id as id', 'tag']).distinct().where('topic_id', 'in', topicIds).execute());
  const out: DerivedEvidence[] = [];
  for (const p of posts) {
    const base = { userId: p.author_id, communityId: p.community_id, subjectType: 'post' as const, subjectId: p.id, tags: tags.get(p.topic_id) ?? [] };
    const v = voteMap.get(p.id);
    if (p.kind === 'opening') {
      if (v && v.up + v.down > 0) out.push({ ...base, kind: 'question_votes', ...questionVoteEvidence(v.up, v.down), at: p.created_at });
      continue;
    }
    if (p.accepted_post_id === p.id) out.push({ ...base, kind: 'accepted_answer', weight: ACCEPTED_ANSWER_WEIGHT, points: POINTS.acceptedAnswer, at: acceptedAt.get(p.id) ?? p.created_at });
    if (v && v.up + v.down > 0) out.push({ ...base, kind: 'answer_votes', ...answerVoteEvidence(v.up, v.down), at: p.created_at });
    const a = applied.get(p.id);
    if (a) out.push({ ...base, kind: 'applied', weight: APPLIED_WEIGHT * a.n, points: POINTS.applied * a.n, at: a.last });
  }
  return out;
}

/**
 * The evidence the given articles carry now: endorsement (state 'endorsed') and "I applied this",
 * credited to every owner (the author when the article has no owner rows). Tags are the article's tags.
 */
export async function deriveArticleEvidence(db: Db, articleIds: number[]): Promise<DerivedEvidence[]> {
  if (articleIds.length === 0) return [];
  const articles = await db.selectFrom('articles').select(['id', 'community_id', 'author_id', 'state', 'reviewed_at', 'updated_at']).where('id', 'in', articleIds).execute();
  if (articles.length === 0) return [];
  const ids = articles.map((a) => a.id);
  const owners = groupTags(await db.selectFrom('article_owners').select(['article_id as id', sql<string>`cast(user_id as text)`.as('tag')]).where('article_id', 'in', ids).execute());
  const tags = groupTags(await db.selectFrom('article_tags').select(['article_id as id', 'tag']).distinct().where('article_id', 'in', ids).execute());
  const applied = await appliedCounts(db, 'article', ids);
  const out: DerivedEvidence[] = [];
  for (const a of articles) {
    if (a.state === 'draft') continue;
    const who = owners.get(a.id)?.map(Number) ?? [a.author_id];
    const ap = applied.get(a.id);
    for (const userId of who) {
      const base = { userId, communityId: a.community_id, subjectType: 'article' as const, subjectId: a.id, tags: tags.get(a.id) ?? [] };
      if (a.state === 'endorsed') out.push({ ...base, kind: 'endorsed_article', weight: ENDORSED_ARTICLE_WEIGHT, points: POINTS.endorsedArticle, at: a.reviewed_at ?? a.updated_at });
      if (ap) out.push({ ...base, kind: 'applied', weight: APPLIED_WEIGHT * ap.n, points: POINTS.applied * ap.n, at: ap.last });
    }
  }
  return out;
}
