import type { Db } from '../../core/db/index.ts';

/** What was viewed: a topic or an article. */
export type ViewedType = 'topic' | 'article';

/**
 * Inserts the (member, item, day) view row unless it is there already. True when this call inserted
 * it (the first view of the day), false when the member had already viewed the item that day.
 */
export async function insertContentView(db: Db, v: { userId: number; type: ViewedType; id: number; day: string }): Promise<boolean> {
  const r = await db
    .insertInto('content_views')
    .values({ user_id: v.userId, subject_type: v.type, subject_id: v.id, day: v.day })
    .onConflict((oc) => oc.columns(['user_id', 'subject_type', 'subject_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
