import type { Db } from '../../core/db/index.ts';
import type { CommunityRole } from '../../core/db/schema.ts';

/** Appends one activity row as the app would (tests write hand-made histories with it). */
export async function act(db: Db, a: { actor: number | null; verb: string; community: number | null; at: string; subjectType?: string; subjectId?: number | null; data?: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('activity')
    .values({ actor_id: a.actor, verb: a.verb, community_id: a.community, subject_type: a.subjectType ?? 'comment', subject_id: a.subjectId ?? null, data: JSON.stringify(a.data ?? {}), created_at: a.at })
    .execute();
}

/** `n` comments (contributions) by `actor` at `at`. */
export async function comments(db: Db, actor: number, community: number, at: string, n = 1): Promise<void> {
  for (let i = 0; i < n; i++) await act(db, { actor, verb: 'comment.created', community, at });
}

/** A vote: an act that is no contribution. */
export const vote = (db: Db, actor: number, community: number, at: string) => act(db, { actor, verb: 'post.voted', community, at, subjectType: 'post' });

/** Makes `userId` a member of a community from `at` (keeps member_count right). */
export async function joinAt(db: Db, communityId: number, userId: number, at: string, role: CommunityRole = 'member'): Promise<void> {
  await db.insertInto('memberships').values({ community_id: communityId, user_id: userId, role, created_at: at }).execute();
  await db.updateTable('communities').set((eb) => ({ member_count: eb('member_count', '+', 1) })).where('id', '=', communityId).execute();
}
