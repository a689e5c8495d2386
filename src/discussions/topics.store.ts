import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';

/** A topic as lists show it, with its author's names. */
export interface TopicSummary {
  id: number;
  communityId: number;
  kind: 'discussion' | 'question';
  title: string;
  replyCount: number;
  lastPostedAt: string;
  createdAt: string;
  author: { id: number; username: string; displayName: string };
}

/**
 * Latest topics of one community, newest activity first, keyset-paginated on (last_posted_at, id).
 * The caller has already checked the actor may read the community.
 */
export async function listLatestTopics(db: Db, communityId: number, opts: { limit: number; after?: Cursor | null }): Promise<TopicSummary[]> {
  let q = db
    .selectFrom('topics')
    .innerJoin('users', 'users.id', 'topics.author_id')
    .select(['topics.id', 'topics.community_id', 'topics.kind', 'topics.title', 'topics.reply_count', 'topics.last_posted_at', 'topics.created_at', 'users.id as author_id', 'users.username', 'users.display_name'])
    .where('topics.community_id', '=', communityId);
  if (opts.after) {
    const { v, id } = opts.after;
    q = q.where((eb) => eb.or([eb('topics.last_posted_at', '<', String(v)), eb.and([eb('topics.last_posted_at', '=', String(v)), eb('topics.id', '<', id)])]));
  }
  const rows = await q.orderBy('topics.last_posted_at', 'desc').orderBy('topics.id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    kind: r.kind,
    title: r.title,
    replyCount: r.reply_count,
    lastPostedAt: r.last_posted_at,
    createdAt: r.created_at,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
  }));
}
