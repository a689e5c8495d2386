import type { Db } from '../../core/db/index.ts';
import type { CloseReason } from './topic-state.store.ts';

function changed(result: { numUpdatedRows: bigint }): boolean {
  return result.numUpdatedRows > 0n;
}

/**
 * Sets or clears a timestamp flag (pinned_at, locked_at) only when it is not already in that state.
 * One conditional UPDATE, so concurrent requests record the change once. True when it changed.
 */
export async function setFlag(db: Db, topicId: number, column: 'pinned_at' | 'locked_at', at: string | null): Promise<boolean> {
  const q = db.updateTable('topics').set({ [column]: at }).where('id', '=', topicId);
  const r = await (at === null ? q.where(column, 'is not', null) : q.where(column, 'is', null)).executeTakeFirst();
  return changed(r);
}

/** Closes an open topic with a reason. False when it was already closed (nothing changed). */
export async function closeTopicRow(db: Db, topicId: number, c: { reason: CloseReason; note: string; duplicateOf: number | null; at: string }): Promise<boolean> {
  const r = await db
    .updateTable('topics')
    .set({ closed_at: c.at, close_reason: c.reason, close_note: c.note, duplicate_of: c.duplicateOf })
    .where('id', '=', topicId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return changed(r);
}

/** Reopens a closed topic, clearing the reason, note and duplicate link. False when it was open. */
export async function reopenTopicRow(db: Db, topicId: number): Promise<boolean> {
  const r = await db
    .updateTable('topics')
    .set({ closed_at: null, close_reason: null, close_note: '', duplicate_of: null })
    .where('id', '=', topicId)
    .where('closed_at', 'is not', null)
    .executeTakeFirst();
  return changed(r);
}

/**
 * Moves a topic to another community: the topic, its tags, its notifications; a cross-post into the
 * new community becomes redundant and goes. Run inside the moving transaction.
 */
export async function moveTopicRows(db: Db, topicId: number, toCommunityId: number, at: string): Promise<void> {
  await db.updateTable('topics').set({ community_id: toCommunityId, updated_at: at }).where('id', '=', topicId).execute();
  await db.updateTable('topic_tags').set({ community_id: toCommunityId }).where('topic_id', '=', topicId).execute();
  await db.deleteFrom('topic_crossposts').where('topic_id', '=', topicId).where('community_id', '=', toCommunityId).execute();
  await db.updateTable('notifications').set({ community_id: toCommunityId }).where('topic_id', '=', topicId).execute();
}

/** Communities (id, slug, name) the user moderates (steward or moderator role), by name. */
export async function listModeratedCommunities(db: Db, userId: number, isAdmin: boolean): Promise<Array<{ id: number; slug: string; name: string }>> {
  return db
    .selectFrom('memberships')
    .innerJoin('communities', 'communities.id', 'memberships.community_id')
    .select(['communities.id', 'communities.slug', 'communities.name'])
    .where('memberships.user_id', '=', userId)
    .$if(!isAdmin, (q) => q.where('memberships.role', 'in', ['steward', 'moderator']))
    .orderBy('communities.name')
    .execute();
}
