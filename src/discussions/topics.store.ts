import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import type { TopicKind } from './discussions.schema.ts';

/** A topic as lists show it, with its author's names. */
export interface TopicSummary {
  id: number;
  communityId: number;
  kind: TopicKind;
  title: string;
  replyCount: number;
  lastPostedAt: string;
  createdAt: string;
  author: { id: number; username: string; displayName: string };
}

/** A topic with the community it lives in (slug for links and access checks). */
export interface TopicWithCommunity extends TopicSummary {
  community: { id: number; slug: string; name: string };
}

function topicsWithAuthors(db: Db) {
  return db
    .selectFrom('topics')
    .innerJoin('users', 'users.id', 'topics.author_id')
    .select(['topics.id', 'topics.community_id', 'topics.kind', 'topics.title', 'topics.reply_count', 'topics.last_posted_at', 'topics.created_at', 'users.id as author_id', 'users.username', 'users.display_name']);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof topicsWithAuthors>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): TopicSummary {
  return {
    id: r.id,
    communityId: r.community_id,
    kind: r.kind,
    title: r.title,
    replyCount: r.reply_count,
    lastPostedAt: r.last_posted_at,
    createdAt: r.created_at,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
  };
}

/**
 * Latest topics of one community, newest activity first, keyset-paginated on (last_posted_at, id).
 * Fetch `limit + 1` to learn whether there is a next page. The caller has already checked the
 * actor may read the community.
 */
export async function listLatestTopics(db: Db, communityId: number, opts: { limit: number; after?: Cursor | null; kind?: TopicKind }): Promise<TopicSummary[]> {
  let q = topicsWithAuthors(db).where('topics.community_id', '=', communityId);
  if (opts.kind) q = q.where('topics.kind', '=', opts.kind);
  if (opts.after) {
    const { v, id } = opts.after;
    q = q.where((eb) => eb.or([eb('topics.last_posted_at', '<', String(v)), eb.and([eb('topics.last_posted_at', '=', String(v)), eb('topics.id', '<', id)])]));
  }
  const rows = await q.orderBy('topics.last_posted_at', 'desc').orderBy('topics.id', 'desc').limit(opts.limit).execute();
  return rows.map(toSummary);
}

/** One topic with its community, or undefined. Does not check visibility: the service does. */
export async function findTopicById(db: Db, id: number): Promise<TopicWithCommunity | undefined> {
  const r = await topicsWithAuthors(db)
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select(['communities.slug as community_slug', 'communities.name as community_name'])
    .where('topics.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...toSummary(r), community: { id: r.community_id, slug: r.community_slug, name: r.community_name } };
}

/** Inserts a topic row (no posts yet) and returns its id. Run inside the transaction that adds its opening post. */
export async function insertTopic(db: Db, t: { communityId: number; authorId: number; kind: TopicKind; title: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('topics')
    .values({ community_id: t.communityId, author_id: t.authorId, kind: t.kind, title: t.title, reply_count: 0, last_posted_at: t.at, created_at: t.at, updated_at: t.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Counts one more reply and moves last_posted_at forward (never back, should replies commit out of
 * clock order). One atomic UPDATE, so concurrent replies cannot lose a count.
 */
export async function recordReplyOnTopic(db: Db, topicId: number, at: string): Promise<void> {
  await db
    .updateTable('topics')
    .set((eb) => ({
      reply_count: eb('reply_count', '+', 1),
      last_posted_at: eb.case().when('last_posted_at', '<', at).then(at).else(eb.ref('last_posted_at')).end(),
    }))
    .where('id', '=', topicId)
    .execute();
}
