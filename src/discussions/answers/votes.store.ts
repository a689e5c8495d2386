import type { Db } from '../../core/db/index.ts';

/** A member's vote on a post: +1 or −1. */
export type VoteValue = 1 | -1;

const asVote = (v: number): VoteValue => (v > 0 ? 1 : -1);

/**
 * Makes the member's vote on the post `value` and returns what it was before (0 for no vote), so the
 * caller can move the score by `value - previous`. Race-safe without locks or dialect SQL: an insert
 * that does nothing on conflict, then a conditional update that only flips the opposite value (the
 * database re-checks its WHERE against the latest row, so two flips cannot both count). Retries in
 * the rare case the row was removed between the two statements. Run inside the scoring transaction.
 */
export async function putVote(db: Db, v: { postId: number; userId: number; value: VoteValue; at: string }): Promise<0 | VoteValue> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = await db
      .insertInto('votes')
      .values({ post_id: v.postId, user_id: v.userId, value: v.value, created_at: v.at, updated_at: v.at })
      .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
      .returning('value')
      .executeTakeFirst();
    if (inserted) return 0;
    const flipped = await db
      .updateTable('votes')
      .set({ value: v.value, updated_at: v.at })
      .where('post_id', '=', v.postId)
      .where('user_id', '=', v.userId)
      .where('value', '!=', v.value)
      .returning('value')
      .executeTakeFirst();
    if (flipped) return asVote(-v.value);
    const same = await db.selectFrom('votes').select('value').where('post_id', '=', v.postId).where('user_id', '=', v.userId).executeTakeFirst();
    if (same) return v.value;
  }
  throw new Error(`The vote of user ${v.userId} on post ${v.postId} kept changing`);
}

/** Removes the member's vote and returns the value it had, or 0 when there was none. One atomic DELETE. */
export async function deleteVote(db: Db, postId: number, userId: number): Promise<0 | VoteValue> {
  const removed = await db.deleteFrom('votes').where('post_id', '=', postId).where('user_id', '=', userId).returning('value').executeTakeFirst();
  return removed ? asVote(removed.value) : 0;
}

/** Moves a post's score by `delta` in one atomic UPDATE (score = score + delta) and returns the new score. */
export async function addToScore(db: Db, postId: number, delta: number): Promise<number> {
  const row = await db
    .updateTable('posts')
    .set((eb) => ({ score: eb('score', '+', delta) }))
    .where('id', '=', postId)
    .returning('score')
    .executeTakeFirstOrThrow();
  return row.score;
}

/** A post's current score. */
export async function scoreOf(db: Db, postId: number): Promise<number> {
  const row = await db.selectFrom('posts').select('score').where('id', '=', postId).executeTakeFirstOrThrow();
  return row.score;
}

/** The member's vote on one post, or null. */
export async function findVote(db: Db, postId: number, userId: number): Promise<VoteValue | null> {
  const row = await db.selectFrom('votes').select('value').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst();
  return row ? asVote(row.value) : null;
}

/** The member's votes on the given posts, by post id (posts without a vote are absent). */
export async function votesOn(db: Db, userId: number, postIds: number[]): Promise<Map<number, VoteValue>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.selectFrom('votes').select(['post_id', 'value']).where('user_id', '=', userId).where('post_id', 'in', postIds).execute();
  return new Map(rows.map((r) => [r.post_id, asVote(r.value)]));
}
