import type { Db } from '../../core/db/index.ts';
import { reactionNames, type Reaction } from './reactions.ts';

/** Adds a member's reaction to a post; false when they had already given it (nothing changes). */
export async function addReaction(db: Db, postId: number, userId: number, reaction: Reaction, at: string): Promise<boolean> {
  const r = await db
    .insertInto('reactions')
    .values({ post_id: postId, user_id: userId, reaction, created_at: at })
    .onConflict((oc) => oc.columns(['post_id', 'user_id', 'reaction']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Takes a member's reaction back; false when they had not given it. */
export async function removeReaction(db: Db, postId: number, userId: number, reaction: Reaction): Promise<boolean> {
  const r = await db.deleteFrom('reactions').where('post_id', '=', postId).where('user_id', '=', userId).where('reaction', '=', reaction).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** One reaction on one post: how many gave it and whether the viewer did. */
export interface ReactionCount {
  reaction: Reaction;
  count: number;
  mine: boolean;
}

/** Counts of every reaction (zeros included, in the fixed order) for each of the posts. */
export async function reactionCounts(db: Db, postIds: number[], viewerId: number | null): Promise<Map<number, ReactionCount[]>> {
  const out = new Map<number, ReactionCount[]>();
  for (const id of postIds) out.set(id, reactionNames.map((reaction) => ({ reaction, count: 0, mine: false })));
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('reactions')
    .select(['post_id', 'reaction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('post_id', 'in', postIds)
    .groupBy(['post_id', 'reaction'])
    .execute();
  const mine = viewerId === null ? [] : await db.selectFrom('reactions').select(['post_id', 'reaction']).where('post_id', 'in', postIds).where('user_id', '=', viewerId).execute();
  for (const r of rows) {
    const c = out.get(r.post_id)?.find((x) => x.reaction === r.reaction);
    if (c) c.count = Number(r.n);
  }
  for (const r of mine) {
    const c = out.get(r.post_id)?.find((x) => x.reaction === r.reaction);
    if (c) c.mine = true;
  }
  return out;
}

/** A post as its reaction page names it: who wrote it and the start of its text (Markdown source, up to 200 characters). */
export async function findPostGist(db: Db, postId: number): Promise<{ authorName: string; excerpt: string } | undefined> {
  const r = await db.selectFrom('posts').innerJoin('users', 'users.id', 'posts.author_id').select(['posts.body', 'users.display_name']).where('posts.id', '=', postId).executeTakeFirst();
  if (!r) return undefined;
  return { authorName: r.display_name, excerpt: r.body.length > 200 ? `${r.body.slice(0, 200).trimEnd()}…` : r.body };
}
