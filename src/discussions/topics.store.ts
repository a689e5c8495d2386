import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import type { TopicKind } from './discussions.schema.ts';

/** A topic as lists and pages show it, with its author's names and its home community. */
export interface TopicSummary {
  id: number;
  communityId: number;
  community: { id: number; slug: string; name: string };
  kind: TopicKind;
  title: string;
  replyCount: number;
  answerCount: number;
  acceptedPostId: number | null;
  solved: boolean;
  pinned: boolean;
  locked: boolean;
  closed: boolean;
  lastPostedAt: string;
  createdAt: string;
  author: { id: number; username: string; displayName: string };
  /** Set when the topic was deleted (its opening post was deleted). */
  deleted: { at: string; reason: string; byId: number | null } | null;
}

/** Kept for callers that knew the topic with its community under this name. */
export type TopicWithCommunity = TopicSummary;

/** Topics joined with author and home community; the one place the summary columns are chosen. */
export function topicsWithAuthors(db: Db) {
  return db
    .selectFrom('topics')
    .innerJoin('users', 'users.id', 'topics.author_id')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select([
      'topics.id',
      'topics.community_id',
      'topics.kind',
      'topics.title',
      'topics.reply_count',
      'topics.answer_count',
      'topics.accepted_post_id',
      'topics.pinned_at',
      'topics.locked_at',
      'topics.closed_at',
      'topics.last_posted_at',
      'topics.created_at',
      'topics.deleted_at',
      'topics.deleted_reason',
      'topics.deleted_by',
      'users.id as author_id',
      'users.username',
      'users.display_name',
      'communities.slug as community_slug',
      'communities.name as community_name',
    ]);
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof topicsWithAuthors>['executeTakeFirstOrThrow']>>;

/** Maps a row of topicsWithAuthors to a TopicSummary. */
export function toSummary(r: SummaryRow): TopicSummary {
  return {
    id: r.id,
    communityId: r.community_id,
    community: { id: r.community_id, slug: r.community_slug, name: r.community_name },
    kind: r.kind,
    title: r.title,
    replyCount: r.reply_count,
    answerCount: r.answer_count,
    acceptedPostId: r.accepted_post_id,
    solved: r.kind === 'question' && r.accepted_post_id !== null,
    pinned: r.pinned_at !== null,
    locked: r.locked_at !== null,
    closed: r.closed_at !== null,
    lastPostedAt: r.last_posted_at,
    createdAt: r.created_at,
    author: { id: r.author_id, username: r.username, displayName: r.display_name },
    deleted: r.deleted_at ? { at: r.deleted_at, reason: r.deleted_reason, byId: r.deleted_by } : null,
  };
}

/**
 * Latest topics living in one community (not cross-posts, not deleted or merged), newest activity
 * first, keyset-paginated on (last_posted_at, id). Fetch `limit + 1` to learn whether there is a next
 * page. The caller has already checked the actor may read the community. (Lists that include
 * cross-posts and read state go through lists.store.ts.)
 */
export async function listLatestTopics(db: Db, communityId: number, opts: { limit: number; after?: Cursor | null; kind?: TopicKind }): Promise<TopicSummary[]> {
  let q = topicsWithAuthors(db).where('topics.community_id', '=', communityId).where('topics.deleted_at', 'is', null).where('topics.merged_into', 'is', null);
  if (opts.kind) q = q.where('topics.kind', '=', opts.kind);
  if (opts.after) {
    const { v, id } = opts.after;
    q = q.where((eb) => eb.or([eb('topics.last_posted_at', '<', String(v)), eb.and([eb('topics.last_posted_at', '=', String(v)), eb('topics.id', '<', id)])]));
  }
  const rows = await q.orderBy('topics.last_posted_at', 'desc').orderBy('topics.id', 'desc').limit(opts.limit).execute();
  return rows.map(toSummary);
}

/** One topic with its community, deleted or not, or undefined. Does not check visibility: the service does. */
export async function findTopicById(db: Db, id: number): Promise<TopicSummary | undefined> {
  const r = await topicsWithAuthors(db).where('topics.id', '=', id).executeTakeFirst();
  return r ? toSummary(r) : undefined;
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
 * Counts one more reply (and answer, for a question) and moves last_posted_at forward (never back,
 * should posts commit out of clock order). One atomic UPDATE, so concurrent posts cannot lose a count.
 */
export async function recordPostOnTopic(db: Db, topicId: number, at: string, opts: { answer: boolean }): Promise<void> {
  await db
    .updateTable('topics')
    .set((eb) => ({
      reply_count: eb('reply_count', '+', 1),
      answer_count: eb('answer_count', '+', opts.answer ? 1 : 0),
      last_posted_at: eb.case().when('last_posted_at', '<', at).then(at).else(eb.ref('last_posted_at')).end(),
    }))
    .where('id', '=', topicId)
    .execute();
}

/**
 * Takes a deleted reply (or answer) out of the counts, atomically, and un-accepts it if it was the
 * accepted answer (a deleted answer cannot solve a question).
 */
export async function recordPostRemoved(db: Db, topicId: number, postId: number, opts: { answer: boolean }): Promise<void> {
  await db
    .updateTable('topics')
    .set((eb) => ({
      reply_count: eb('reply_count', '-', 1),
      answer_count: eb('answer_count', '-', opts.answer ? 1 : 0),
      accepted_post_id: eb.case().when('accepted_post_id', '=', postId).then(null).else(eb.ref('accepted_post_id')).end(),
    }))
    .where('id', '=', topicId)
    .execute();
}

/** Marks a topic deleted (its opening post was deleted). */
export async function markTopicDeleted(db: Db, topicId: number, d: { at: string; reason: string; byId: number }): Promise<void> {
  await db.updateTable('topics').set({ deleted_at: d.at, deleted_reason: d.reason, deleted_by: d.byId, updated_at: d.at }).where('id', '=', topicId).execute();
}

/** Changes a topic's title. */
export async function updateTopicTitle(db: Db, topicId: number, title: string, at: string): Promise<void> {
  await db.updateTable('topics').set({ title, updated_at: at }).where('id', '=', topicId).execute();
}

/** The id of the newest post of a topic (deleted or not), or null. */
export async function lastPostId(db: Db, topicId: number): Promise<number | null> {
  const r = await db.selectFrom('posts').select((eb) => eb.fn.max('id').as('id')).where('topic_id', '=', topicId).executeTakeFirst();
  return r?.id ?? null;
}
