import type { Db } from '../../core/db/index.ts';
import type { ActRow, MemberMonth } from './activity.classify.ts';

/**
 * The acts of one community in [from, to) (index activity_community_time_idx), with the subject
 * post's kind and author and the subject topic's kind joined in for rows whose data lacks them.
 */
export async function readCommunityActs(db: Db, communityId: number, from: string, to: string): Promise<ActRow[]> {
  const rows = await db
    .selectFrom('activity as a')
    .leftJoin('posts as p', (j) => j.onRef('p.id', '=', 'a.subject_id').on('a.subject_type', '=', 'post'))
    .leftJoin('topics as t', (j) => j.onRef('t.id', '=', 'a.subject_id').on('a.subject_type', '=', 'topic'))
    .select(['a.actor_id', 'a.verb', 'a.created_at', 'a.data', 'p.kind as post_kind', 'p.author_id as post_author_id', 't.kind as topic_kind'])
    .where('a.community_id', '=', communityId)
    .where('a.created_at', '>=', from)
    .where('a.created_at', '<', to)
    .execute();
  return rows.map((r) => ({
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    verb: r.verb,
    communityId,
    at: r.created_at,
    data: parseData(r.data),
    postKind: r.post_kind ?? null,
    postAuthorId: r.post_author_id === null || r.post_author_id === undefined ? null : Number(r.post_author_id),
    topicKind: r.topic_kind ?? null,
  }));
}

function parseData(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Replaces one community's analytics_member_months rows for `month` with `rows`. */
export async function replaceMemberMonths(db: Db, communityId: number, month: string, rows: readonly MemberMonth[]): Promise<void> {
  await db.deleteFrom('analytics_member_months').where('community_id', '=', communityId).where('month', '=', month).execute();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('analytics_member_months')
      .values(
        rows.slice(i, i + 500).map((m) => ({
          community_id: m.communityId,
          month: m.month,
          user_id: m.userId,
          contributions: m.contributions,
          questions: m.questions,
          answers: m.answers,
          replies: m.replies,
          articles: m.articles,
          comments: m.comments,
          events: m.events,
          reactions: m.reactions,
          views: m.views,
          accepted: m.accepted,
          acts: m.acts,
          first_at: m.firstAt,
          last_at: m.lastAt,
        })),
      )
      .execute();
  }
}

/** The (community, month) pairs where `userId` has rows: what to recompute when their account kind changes. */
export async function monthsOfMember(db: Db, userId: number): Promise<Array<{ communityId: number; month: string }>> {
  const rows = await db.selectFrom('analytics_member_months').select(['community_id', 'month']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ communityId: Number(r.community_id), month: r.month }));
}
