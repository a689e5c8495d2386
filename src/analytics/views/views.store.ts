import { PostgresAdapter, sql } from 'kysely';
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

/**
 * Deletes at most `limit` view rows of days before `beforeDay` ('YYYY-MM-DD') in one statement, and
 * resolves with how many it deleted (fewer than `limit`: none are left). Rows are picked by their
 * physical id (SQLite `rowid`, PostgreSQL `ctid`), so the delete finds them without a second lookup
 * and neither database needs `DELETE … LIMIT`. The table has no index on `day` on purpose: an index
 * would cost every counted view a write, while pruning keeps the table to about two days of views.
 */
export async function deleteContentViewsBefore(db: Db, beforeDay: string, limit: number): Promise<number> {
  const picked = sql`select ${sql.raw(isPostgres(db) ? 'ctid' : 'rowid')} from content_views where day < ${beforeDay} limit ${limit}`;
  // PostgreSQL: `= any(array(…))` picks the rows once, then deletes them by a TID scan (no join to plan).
  const r = isPostgres(db) ? await sql`delete from content_views where ctid = any(array(${picked}))`.execute(db) : await sql`delete from content_views where rowid in (${picked})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
