import type { Db } from '../core/db/index.ts';

/** Stores a reset token by its hash. */
export async function insertPasswordReset(db: Db, r: { tokenHash: string; userId: number; at: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ token_hash: r.tokenHash, user_id: r.userId, created_at: r.at, expires_at: r.expiresAt, used_at: null })
    .execute();
}

/** The user a live (unused, unexpired) reset token belongs to, or undefined. */
export async function findLiveReset(db: Db, tokenHash: string, now: string): Promise<{ userId: number } | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { userId: row.user_id } : undefined;
}

/**
 * Marks a live token used; true only for the one caller that wins, so a token works exactly once
 * even when two requests race.
 */
export async function claimReset(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Retires every other outstanding token of the user (a reset ends all earlier links). */
export async function retireUserResets(db: Db, userId: number, now: string): Promise<void> {
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
