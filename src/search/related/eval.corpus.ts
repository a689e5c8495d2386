import type { Db } from '../../core/db/index.ts';

/**
 * Writing a throw-away evaluation database: a user and communities to put evaluation topics in
 * (the SemEval candidates; the Stack Exchange dumps go through the importer). Only for the temp
 * databases `guildhall eval related` makes: no activity rows, no notifications.
 */

/** Inserts the one account eval topics are written by and returns its id. */
export async function evalUser(db: Db, at: string): Promise<number> {
  const u = await db
    .insertInto('users')
    .values({ username: 'eval', email: 'eval@eval.invalid', password_hash: null, display_name: 'Eval', bio: '', discipline: '', location: '', time_zone: '', role: 'member', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return u.id;
}

/** Inserts a public community with the user as steward and returns its id. */
export async function evalCommunity(db: Db, userId: number, slug: string, at: string): Promise<number> {
  const c = await db
    .insertInto('communities')
    .values({ slug, name: slug, domain_statement: 'Evaluation.', description: '', formality: 'informal', sponsor: '', locality: 'distributed', location: '', visibility: 'public', join_policy: 'open', member_count: 1, created_by: userId, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('memberships').values({ community_id: c.id, user_id: userId, role: 'steward', created_at: at }).execute();
  return c.id;
}

/** Inserts a question topic with its opening post (not indexed: rebuild the index afterwards) and returns its id. */
export async function evalTopic(db: Db, t: { communityId: number; userId: number; title: string; body: string; at: string }): Promise<number> {
  const topic = await db
    .insertInto('topics')
    .values({ community_id: t.communityId, author_id: t.userId, kind: 'question', title: t.title, reply_count: 0, last_posted_at: t.at, created_at: t.at, updated_at: t.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('posts').values({ topic_id: topic.id, author_id: t.userId, kind: 'opening', body: t.body, created_at: t.at, updated_at: t.at, edited_at: null, deleted_at: null, deleted_by: null }).execute();
  return topic.id;
}
