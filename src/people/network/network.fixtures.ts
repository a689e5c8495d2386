import type { Db } from '../../core/db/index.ts';

/*
 * Hand-made histories for the network tests: rows written straight into the tables (no services), so a
 * test says exactly which interactions exist and when.
 */

/** A topic by `authorId` with its opening post; returns the topic id. */
export async function topicBy(db: Db, communityId: number, authorId: number, kind: 'question' | 'discussion', at: string, opts: { deleted?: boolean } = {}): Promise<number> {
  const t = await db
    .insertInto('topics')
    .values({ community_id: communityId, author_id: authorId, kind, title: `A ${kind}`, reply_count: 0, last_posted_at: at, created_at: at, updated_at: at, accepted_post_id: null, pinned_at: null, locked_at: null, closed_at: null, close_reason: null, duplicate_of: null, merged_into: null, deleted_at: opts.deleted ? at : null, deleted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await postBy(db, t.id, authorId, 'opening', at);
  return t.id;
}

/** A post in a topic; returns its id. */
export async function postBy(db: Db, topicId: number, authorId: number, kind: 'opening' | 'reply' | 'answer', at: string, opts: { deleted?: boolean } = {}): Promise<number> {
  const p = await db
    .insertInto('posts')
    .values({ topic_id: topicId, author_id: authorId, body: 'text', kind, created_at: at, updated_at: at, edited_at: null, deleted_at: opts.deleted ? at : null, deleted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return p.id;
}

/** A comment on a post. */
export async function commentBy(db: Db, postId: number, authorId: number, at: string): Promise<void> {
  await db.insertInto('comments').values({ post_id: postId, author_id: authorId, body: 'comment', created_at: at, deleted_at: null }).execute();
}

/** An article by `authorId`, with extra owners and editors (revisions); returns its id. */
export async function articleBy(db: Db, communityId: number, authorId: number, at: string, opts: { owners?: number[]; editors?: number[] } = {}): Promise<number> {
  const a = await db
    .insertInto('articles')
    .values({ community_id: communityId, author_id: authorId, type: 'howto', title: 'An article', body: 'text', created_at: at, updated_at: at, edited_at: null, edited_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('article_owners').values({ article_id: a.id, user_id: authorId, added_at: at }).execute();
  for (const o of opts.owners ?? []) await db.insertInto('article_owners').values({ article_id: a.id, user_id: o, added_at: at }).execute();
  let revision = 1;
  for (const e of opts.editors ?? []) await db.insertInto('article_revisions').values({ article_id: a.id, revision: revision++, editor_id: e, title: 'An article', body: 'text', created_at: at }).execute();
  return a.id;
}

/** A mentorship (mentor → mentee). */
export async function mentorshipOf(db: Db, mentorId: number, menteeId: number, communityId: number | null, at: string, state: 'active' | 'ended' = 'active'): Promise<void> {
  await db.insertInto('mentorships').values({ mentor_id: mentorId, mentee_id: menteeId, community_id: communityId, request_id: null, state, started_at: at, ended_at: state === 'ended' ? at : null }).execute();
}

/** Two people answering each other `times` times in a community (one question each way per time), for ties of a known strength. */
export async function tie(db: Db, communityId: number, a: number, b: number, at: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const q = await topicBy(db, communityId, a, 'question', at);
    await postBy(db, q, b, 'answer', at);
  }
}
