import type { Db } from '../../core/db/index.ts';
import { recordActivity } from '../../core/activity.ts';

/*
 * Hand-made discussion histories for the responsiveness and newcomer tests: each helper writes the
 * table rows and the activity row the real service writes, at a given time (so histories can be
 * backdated and the refresh reads them as it reads real ones).
 */

/** A topic (question by default) with its opening post and 'topic.created'. */
export async function ask(db: Db, communityId: number, askerId: number, at: string, kind: 'question' | 'discussion' = 'question'): Promise<number> {
  const t = await db.insertInto('topics').values({ community_id: communityId, author_id: askerId, kind, title: `A ${kind}`, reply_count: 0, last_posted_at: at, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('posts').values({ topic_id: t.id, author_id: askerId, kind: 'opening', body: 'How?', created_at: at, updated_at: at }).execute();
  await recordActivity(db, { actorId: askerId, verb: 'topic.created', communityId, subjectType: 'topic', subjectId: t.id, data: { title: `A ${kind}`, kind }, at });
  return t.id;
}

/** An answer (or reply) in a topic with 'post.created'; returns the post id. */
export async function respond(db: Db, communityId: number, topicId: number, authorId: number, at: string, kind: 'answer' | 'reply' = 'answer'): Promise<number> {
  const p = await db.insertInto('posts').values({ topic_id: topicId, author_id: authorId, kind, body: 'Like this.', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await recordActivity(db, { actorId: authorId, verb: 'post.created', communityId, subjectType: 'post', subjectId: p.id, data: { topicId, kind }, at });
  return p.id;
}

/** A comment on a post with 'comment.created'. */
export async function commentOn(db: Db, communityId: number, topicId: number, postId: number, authorId: number, at: string): Promise<void> {
  const c = await db.insertInto('comments').values({ post_id: postId, author_id: authorId, body: 'Which version?', created_at: at, deleted_at: null }).returning('id').executeTakeFirstOrThrow();
  await recordActivity(db, { actorId: authorId, verb: 'comment.created', communityId, subjectType: 'comment', subjectId: c.id, data: { postId, topicId }, at });
}

/** Accepts an answer with 'answer.accepted' (by the asker). */
export async function accept(db: Db, communityId: number, topicId: number, postId: number, by: number, answerAuthorId: number, at: string): Promise<void> {
  await db.updateTable('topics').set({ accepted_post_id: postId }).where('id', '=', topicId).execute();
  await recordActivity(db, { actorId: by, verb: 'answer.accepted', communityId, subjectType: 'post', subjectId: postId, data: { topicId, previous: null, answerAuthorId }, at });
}

/** Soft-deletes a post with 'post.deleted'. */
export async function deletePost(db: Db, communityId: number, topicId: number, postId: number, by: number, at: string): Promise<void> {
  await db.updateTable('posts').set({ deleted_at: at, deleted_by: by }).where('id', '=', postId).execute();
  await recordActivity(db, { actorId: by, verb: 'post.deleted', communityId, subjectType: 'post', subjectId: postId, data: { topicId, reason: '', topicDeleted: false }, at });
}

/** Sets a membership's join time (the factories stamp the real clock). */
export async function joinedAt(db: Db, communityId: number, userId: number, at: string): Promise<void> {
  await db.updateTable('memberships').set({ created_at: at }).where('community_id', '=', communityId).where('user_id', '=', userId).execute();
}

/** Hours after `base` as an ISO time. */
export const hoursAfter = (base: string, h: number): string => new Date(Date.parse(base) + h * 3_600_000).toISOString();
