import type { Db } from '../../core/db/index.ts';
import type { TopicTable } from '../../core/db/schema.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';

/** Why a topic was closed. */
export type CloseReason = NonNullable<TopicTable['close_reason']>;

/** A topic's moderation state with the community it lives in, as moderation and engagement need it. */
export interface TopicState {
  id: number;
  title: string;
  kind: 'discussion' | 'question';
  authorId: number;
  community: { id: number; slug: string; name: string; visibility: 'public' | 'private'; joinPolicy: 'open' | 'approval' | 'invite' };
  replyCount: number;
  answerCount: number;
  lastPostedAt: string;
  acceptedPostId: number | null;
  pinnedAt: string | null;
  lockedAt: string | null;
  closedAt: string | null;
  closeReason: CloseReason | null;
  closeNote: string;
  duplicateOf: number | null;
  mergedInto: number | null;
  deletedAt: string | null;
}

/** One topic's state, or undefined. Does not check visibility (see accessToTopic). */
export async function findTopicState(db: Db, topicId: number): Promise<TopicState | undefined> {
  const r = await db
    .selectFrom('topics')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select([
      'topics.id', 'topics.title', 'topics.kind', 'topics.author_id', 'topics.reply_count', 'topics.answer_count', 'topics.last_posted_at',
      'topics.accepted_post_id', 'topics.pinned_at', 'topics.locked_at', 'topics.closed_at', 'topics.close_reason', 'topics.close_note',
      'topics.duplicate_of', 'topics.merged_into', 'topics.deleted_at',
      'communities.id as community_id', 'communities.slug', 'communities.name', 'communities.visibility', 'communities.join_policy',
    ])
    .where('topics.id', '=', topicId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    authorId: r.author_id,
    community: { id: r.community_id, slug: r.slug, name: r.name, visibility: r.visibility, joinPolicy: r.join_policy },
    replyCount: r.reply_count,
    answerCount: r.answer_count,
    lastPostedAt: r.last_posted_at,
    acceptedPostId: r.accepted_post_id,
    pinnedAt: r.pinned_at,
    lockedAt: r.locked_at,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
    closeNote: r.close_note,
    duplicateOf: r.duplicate_of,
    mergedInto: r.merged_into,
    deletedAt: r.deleted_at,
  };
}

/** The actor's access to a community by id (role null for anonymous and non-members). */
export async function accessToCommunity(db: Db, community: { id: number; visibility: CommunityAccess['visibility']; joinPolicy: CommunityAccess['joinPolicy'] }, actor: Actor | null): Promise<CommunityAccess> {
  const m = actor
    ? await db.selectFrom('memberships').select('role').where('community_id', '=', community.id).where('user_id', '=', actor.id).executeTakeFirst()
    : undefined;
  return { visibility: community.visibility, joinPolicy: community.joinPolicy, role: m?.role ?? null };
}
