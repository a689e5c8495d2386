import type { Db } from '../../core/db/index.ts';
import type { AcceptBy } from './answers.schema.ts';

/** What the rules of votes, acceptance and comments need to know about a topic and its community. */
export interface TopicTarget {
  id: number;
  kind: 'discussion' | 'question';
  title: string;
  authorId: number;
  acceptedPostId: number | null;
  lockedAt: string | null;
  deletedAt: string | null;
  community: { id: number; slug: string; acceptBy: AcceptBy };
}

/** A post with the topic it belongs to. */
export interface PostTarget {
  id: number;
  authorId: number;
  kind: 'opening' | 'reply' | 'answer';
  deletedAt: string | null;
  score: number;
  commentCount: number;
  topic: TopicTarget;
}

function topicTargets(db: Db) {
  return db
    .selectFrom('topics')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select([
      'topics.id as topic_id',
      'topics.kind as topic_kind',
      'topics.title',
      'topics.author_id as topic_author_id',
      'topics.accepted_post_id',
      'topics.locked_at',
      'topics.deleted_at as topic_deleted_at',
      'communities.id as community_id',
      'communities.slug',
      'communities.accept_by',
    ]);
}

type TopicRow = Awaited<ReturnType<ReturnType<typeof topicTargets>['executeTakeFirstOrThrow']>>;

function toTopic(r: TopicRow): TopicTarget {
  return {
    id: r.topic_id,
    kind: r.topic_kind,
    title: r.title,
    authorId: r.topic_author_id,
    acceptedPostId: r.accepted_post_id,
    lockedAt: r.locked_at,
    deletedAt: r.topic_deleted_at,
    community: { id: r.community_id, slug: r.slug, acceptBy: r.accept_by },
  };
}

/** A topic with its community's slug and accept_by, or undefined. Checks no visibility: the caller does. */
export async function findTopicTarget(db: Db, topicId: number): Promise<TopicTarget | undefined> {
  const r = await topicTargets(db).where('topics.id', '=', topicId).executeTakeFirst();
  return r ? toTopic(r) : undefined;
}

/** A post with its topic and community, or undefined. Checks no visibility: the caller does. */
export async function findPostTarget(db: Db, postId: number): Promise<PostTarget | undefined> {
  const r = await topicTargets(db)
    .innerJoin('posts', 'posts.topic_id', 'topics.id')
    .select(['posts.id', 'posts.author_id', 'posts.kind', 'posts.deleted_at', 'posts.score', 'posts.comment_count'])
    .where('posts.id', '=', postId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { id: r.id, authorId: r.author_id, kind: r.kind, deletedAt: r.deleted_at, score: r.score, commentCount: r.comment_count, topic: toTopic(r) };
}

/** A post's rendered body and its author's name, to show above a comment form, or undefined. Checks no visibility. */
export async function findPostQuote(db: Db, postId: number): Promise<{ kind: PostTarget['kind']; bodyHtml: string; authorName: string } | undefined> {
  const r = await db
    .selectFrom('posts')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .select(['posts.kind', 'posts.body_html', 'users.display_name'])
    .where('posts.id', '=', postId)
    .executeTakeFirst();
  return r ? { kind: r.kind, bodyHtml: r.body_html, authorName: r.display_name } : undefined;
}

/**
 * Sets or clears a topic's accepted answer unless it already is `postId`; returns the answer it
 * replaced (null when there was none), or undefined when nothing changed. A compare-and-set UPDATE,
 * retried if another request changed the answer in between, so `previous` is always true.
 */
export async function setAcceptedPost(db: Db, topicId: number, postId: number | null): Promise<{ previous: number | null } | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await db.selectFrom('topics').select('accepted_post_id').where('id', '=', topicId).executeTakeFirst();
    if (!before || before.accepted_post_id === postId) return undefined;
    const previous = before.accepted_post_id;
    const changed = await db
      .updateTable('topics')
      .set({ accepted_post_id: postId })
      .where('id', '=', topicId)
      .where((eb) => (previous === null ? eb('accepted_post_id', 'is', null) : eb('accepted_post_id', '=', previous)))
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 1) return { previous };
  }
  throw new Error(`The accepted answer of topic ${topicId} kept changing`);
}
