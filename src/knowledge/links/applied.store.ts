import type { Db } from '../../core/db/index.ts';

/** What can be marked as applied: an article, or a post that answers a question. */
export type AppliedKind = 'article' | 'post';

/** One member's "I applied this". */
export interface AppliedEntry {
  user: { id: number; username: string; displayName: string };
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** Every "I applied this" on the given subjects, newest first, by subject id. */
export async function appliedOn(db: Db, kind: AppliedKind, ids: number[]): Promise<Map<number, AppliedEntry[]>> {
  const out = new Map<number, AppliedEntry[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('applied')
    .innerJoin('users', 'users.id', 'applied.user_id')
    .select(['applied.subject_id', 'applied.note', 'applied.created_at', 'applied.updated_at', 'users.id', 'users.username', 'users.display_name'])
    .where('applied.subject_type', '=', kind)
    .where('applied.subject_id', 'in', ids)
    .orderBy('applied.updated_at', 'desc')
    .orderBy('users.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.subject_id) ?? [];
    list.push({ user: { id: r.id, username: r.username, displayName: r.display_name }, note: r.note, createdAt: r.created_at, updatedAt: r.updated_at });
    out.set(r.subject_id, list);
  }
  return out;
}

/** Records or updates (one per member per subject) a member's "I applied this". */
export async function upsertApplied(db: Db, kind: AppliedKind, id: number, userId: number, note: string, at: string): Promise<void> {
  await db
    .insertInto('applied')
    .values({ subject_type: kind, subject_id: id, user_id: userId, note, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'user_id']).doUpdateSet({ note, updated_at: at }))
    .execute();
}

/** Removes a member's "I applied this"; true when there was one. */
export async function deleteApplied(db: Db, kind: AppliedKind, id: number, userId: number): Promise<boolean> {
  const r = await db.deleteFrom('applied').where('subject_type', '=', kind).where('subject_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
