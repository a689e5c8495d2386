import type { Db } from '../../core/db/index.ts';
import type { AnalyticsQuestionTable } from '../../core/db/tables/analytics-questions.ts';
import type { AccountKind } from '../../core/db/tables/analytics.ts';

/** SQL of questionsStep: what a question's fact row is computed from, and its write. */

export interface QuestionSource {
  id: number;
  communityId: number;
  askerId: number;
  askedAt: string;
  deleted: boolean;
}

/** The topics among `ids` that are questions (deleted and merged ones too, flagged). */
export async function loadQuestions(db: Db, ids: readonly number[]): Promise<QuestionSource[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('topics')
    .select(['id', 'community_id', 'author_id', 'created_at', 'deleted_at', 'merged_into'])
    .where('id', 'in', ids)
    .where('kind', '=', 'question')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), communityId: Number(r.community_id), askerId: Number(r.author_id), askedAt: r.created_at, deleted: r.deleted_at !== null || r.merged_into !== null }));
}

/** One response to a question: a live answer, reply or comment by a person account. */
export interface ResponseRow {
  topicId: number;
  authorId: number;
  at: string;
}

/** Live answers, replies and comments by person accounts in the given topics (the opening post is not a response). */
export async function loadResponses(db: Db, topicIds: readonly number[]): Promise<ResponseRow[]> {
  if (topicIds.length === 0) return [];
  const posts = await db
    .selectFrom('posts')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .select(['posts.topic_id', 'posts.author_id', 'posts.created_at'])
    .where('posts.topic_id', 'in', topicIds)
    .where('posts.kind', '!=', 'opening')
    .where('posts.deleted_at', 'is', null)
    .where('users.account_kind', '=', 'person')
    .execute();
  const comments = await db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .innerJoin('users', 'users.id', 'comments.author_id')
    .select(['posts.topic_id', 'comments.author_id', 'comments.created_at'])
    .where('posts.topic_id', 'in', topicIds)
    .where('comments.deleted_at', 'is', null)
    .where('posts.deleted_at', 'is', null)
    .where('users.account_kind', '=', 'person')
    .execute();
  return [...posts, ...comments].map((r) => ({ topicId: Number(r.topic_id), authorId: Number(r.author_id), at: r.created_at }));
}

/** Account kinds of the given users. */
export async function loadKinds(db: Db, userIds: readonly number[]): Promise<Map<number, AccountKind>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'account_kind']).where('id', 'in', userIds).execute();
  return new Map(rows.map((r) => [Number(r.id), r.account_kind]));
}

/** Join times of (community, user) memberships, keyed `${communityId}:${userId}`. */
export async function loadJoins(db: Db, pairs: ReadonlyArray<{ communityId: number; userId: number }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byCommunity = new Map<number, number[]>();
  for (const p of pairs) byCommunity.set(p.communityId, [...(byCommunity.get(p.communityId) ?? []), p.userId]);
  for (const [communityId, users] of byCommunity) {
    const rows = await db.selectFrom('memberships').select(['user_id', 'created_at']).where('community_id', '=', communityId).where('user_id', 'in', [...new Set(users)]).execute();
    for (const r of rows) out.set(`${communityId}:${Number(r.user_id)}`, r.created_at);
  }
  return out;
}

/** The stored accept times of the given questions (kept across refreshes: the first accept wins). */
export async function loadAcceptedAt(db: Db, topicIds: readonly number[]): Promise<Map<number, string>> {
  if (topicIds.length === 0) return new Map();
  const rows = await db.selectFrom('analytics_questions').select(['topic_id', 'accepted_at']).where('topic_id', 'in', topicIds).where('accepted_at', 'is not', null).execute();
  return new Map(rows.map((r) => [Number(r.topic_id), r.accepted_at!]));
}

/** Topics of posts (for activity rows that name a post but not its topic). */
export async function topicsOfPosts(db: Db, postIds: readonly number[]): Promise<number[]> {
  if (postIds.length === 0) return [];
  const rows = await db.selectFrom('posts').select('topic_id').where('id', 'in', postIds).execute();
  return rows.map((r) => Number(r.topic_id));
}

/** Question topics a member asked or responded in (after their account kind changed). */
export async function topicsTouchedBy(db: Db, userId: number): Promise<number[]> {
  const asked = await db.selectFrom('analytics_questions').select('topic_id').where('asker_id', '=', userId).execute();
  const posted = await db.selectFrom('posts').select('topic_id').where('author_id', '=', userId).execute();
  const commented = await db.selectFrom('comments').innerJoin('posts', 'posts.id', 'comments.post_id').select('posts.topic_id').where('comments.author_id', '=', userId).execute();
  return [...asked, ...posted, ...commented].map((r) => Number(r.topic_id));
}

/** Writes fact rows (insert or replace by topic, 200 a statement) and removes rows of topics that are no longer questions. */
export async function saveQuestions(db: Db, rows: readonly AnalyticsQuestionTable[], gone: readonly number[]): Promise<void> {
  if (gone.length > 0) await db.deleteFrom('analytics_questions').where('topic_id', 'in', gone).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('analytics_questions')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column('topic_id').doUpdateSet((eb) => ({
          community_id: eb.ref('excluded.community_id'),
          asker_id: eb.ref('excluded.asker_id'),
          asker_kind: eb.ref('excluded.asker_kind'),
          asker_joined_at: eb.ref('excluded.asker_joined_at'),
          asked_at: eb.ref('excluded.asked_at'),
          first_response_at: eb.ref('excluded.first_response_at'),
          first_responder_id: eb.ref('excluded.first_responder_id'),
          response_seconds: eb.ref('excluded.response_seconds'),
          accepted_at: eb.ref('excluded.accepted_at'),
          accepted_seconds: eb.ref('excluded.accepted_seconds'),
          deleted: eb.ref('excluded.deleted'),
        })),
      )
      .execute();
  }
}
