import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';

/** Follower and following counts of a user, and whether `viewerId` follows them. */
export async function followCounts(db: Db, userId: number, viewerId: number | null): Promise<{ followers: number; following: number; followedByViewer: boolean }> {
  const [followers, following, mine] = await Promise.all([
    db.selectFrom('follows').select((eb) => eb.fn.countAll<number>().as('n')).where('followee_id', '=', userId).executeTakeFirstOrThrow(),
    db.selectFrom('follows').select((eb) => eb.fn.countAll<number>().as('n')).where('follower_id', '=', userId).executeTakeFirstOrThrow(),
    viewerId === null ? undefined : db.selectFrom('follows').select('id').where('follower_id', '=', viewerId).where('followee_id', '=', userId).executeTakeFirst(),
  ]);
  return { followers: Number(followers.n), following: Number(following.n), followedByViewer: mine !== undefined };
}

/** Starts following; false when already following. */
export async function insertFollow(db: Db, followerId: number, followeeId: number, at: string): Promise<boolean> {
  const r = await db.insertInto('follows').values({ follower_id: followerId, followee_id: followeeId, created_at: at }).onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Stops following; false when not following. */
export async function deleteFollow(db: Db, followerId: number, followeeId: number): Promise<boolean> {
  const r = await db.deleteFrom('follows').where('follower_id', '=', followerId).where('followee_id', '=', followeeId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * One page of a user's followers ('followers') or of the people they follow ('following'), newest
 * first, keyset-paginated on the follow's id. Rows carry the other person and when the follow began.
 */
export async function listFollows(db: Db, userId: number, direction: 'followers' | 'following', opts: { limit: number; after: Cursor | null }) {
  const [mine, other] = direction === 'followers' ? (['follows.followee_id', 'follows.follower_id'] as const) : (['follows.follower_id', 'follows.followee_id'] as const);
  let q = db
    .selectFrom('follows')
    .innerJoin('users', 'users.id', other)
    .select(['follows.id', 'follows.created_at', 'users.id as user_id', 'users.username', 'users.display_name', 'users.headline'])
    .where(mine, '=', userId);
  if (opts.after) q = q.where('follows.id', '<', opts.after.id);
  return q.orderBy('follows.id', 'desc').limit(opts.limit).execute();
}
