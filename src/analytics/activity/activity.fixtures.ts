import type { Db } from '../../core/db/index.ts';

/** Appends one activity row as the app would (tests write hand-made histories with it). */
export async function act(db: Db, a: { actor: number | null; verb: string; community: number | null; at: string; subjectType?: string; subjectId?: number | null; data?: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('activity')
    .values({ actor_id: a.actor, verb: a.verb, community_id: a.community, subject_type: a.subjectType ?? 'topic', subject_id: a.subjectId ?? null, data: JSON.stringify(a.data ?? {}), created_at: a.at })
    .execute();
}

/** A contribution of the given kind (question, discussion, answer, reply, comment, article, event). */
export async function contribute(db: Db, actor: number, community: number, kind: 'question' | 'discussion' | 'answer' | 'reply' | 'comment' | 'article' | 'event', at: string): Promise<void> {
  if (kind === 'question' || kind === 'discussion') return act(db, { actor, verb: 'topic.created', community, at, data: { kind } });
  if (kind === 'answer' || kind === 'reply') return act(db, { actor, verb: 'post.created', community, at, subjectType: 'post', data: { kind } });
  if (kind === 'comment') return act(db, { actor, verb: 'comment.created', community, at, subjectType: 'comment' });
  if (kind === 'article') return act(db, { actor, verb: 'article.created', community, at, subjectType: 'article' });
  return act(db, { actor, verb: 'event.created', community, at, subjectType: 'event' });
}

/** Makes `userId` a member of a community from `at`. */
export async function joinAt(db: Db, communityId: number, userId: number, at: string): Promise<void> {
  await db.insertInto('memberships').values({ community_id: communityId, user_id: userId, role: 'member', created_at: at }).execute();
}
