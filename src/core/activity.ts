import type { Db } from './db/index.ts';

/**
 * The acts anyone who may read a community may see in its activity lists (home feed, community page,
 * profiles). A list, not "everything": votes, join requests, rejections, invitations and removals are
 * recorded for analytics but are nobody else's business, and a new verb is shown only on purpose.
 */
export const PUBLIC_VERBS = ['topic.created', 'post.created', 'community.created', 'community.joined', 'article.created', 'article.endorsed', 'glossary.term_created', 'collection.created'] as const;
export type PublicVerb = (typeof PUBLIC_VERBS)[number];

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
