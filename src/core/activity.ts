import type { Db } from './db/index.ts';

/** One act, appended to the activity stream in the same transaction as the act itself. */
export interface ActivityInput {
  actorId: number | null;
  verb: string;
  communityId?: number | null;
  subjectType: string;
  subjectId?: number | null;
  data?: Record<string, unknown>;
  at: string;
}

/** Appends one row to `activity`. Pass the transaction the act runs in as `db`. */
export async function recordActivity(db: Db, a: ActivityInput): Promise<void> {
  await db
    .insertInto('activity')
    .values({
      actor_id: a.actorId,
      verb: a.verb,
      community_id: a.communityId ?? null,
      subject_type: a.subjectType,
      subject_id: a.subjectId ?? null,
      data: JSON.stringify(a.data ?? {}),
      created_at: a.at,
    })
    .execute();
}
