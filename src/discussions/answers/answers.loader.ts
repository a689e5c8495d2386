import type { Db } from '../../core/db/index.ts';
import type { CommunityRow } from '../../communities/communities.access.ts';
import type { Post } from '../posts.store.ts';
import type { TopicSummary } from '../topics.store.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';
import { findRole } from '../../communities/communities.access.ts';
import { isCoreMember, isQuestionPost, mayAcceptAnswer } from './answers.rules.ts';
import type { CommentDto } from './answers.schema.ts';
import { commentsOnPosts } from './comments.store.ts';
import { votesOn, type VoteValue } from './votes.store.ts';

/** What the Q&A controls show for one post of the page. */
export interface PostExtras {
  /** A question's opening post or an answer: it takes votes and comments. */
  votable: boolean;
  isAnswer: boolean;
  authorId: number;
  deleted: boolean;
  score: number;
  myVote: VoteValue | null;
  comments: CommentDto[];
}

/** Everything the Q&A controls of one topic page need, loaded once per page. */
export interface AnswerExtras {
  topicId: number;
  slug: string;
  isQuestion: boolean;
  acceptedPostId: number | null;
  /** The page address forms come back to (same topic), e.g. with its cursor or sort. */
  back: string;
  viewerId: number | null;
  /** The viewer is a member and the topic is neither locked nor deleted: they may vote and comment. */
  mayTakePart: boolean;
  /** The viewer may accept and unaccept answers here. */
  mayAccept: boolean;
  /** The viewer is a steward or moderator (may delete any comment). */
  isCore: boolean;
  posts: Map<number, PostExtras>;
}

/** What the topic page has loaded already (its topic, home community, the viewer's access and the posts shown). */
export interface KnownPage {
  topic: TopicSummary;
  community: CommunityRow;
  access: CommunityAccess;
  posts: Post[];
}

function loadTopicFacts(db: Db, topicId: number) {
  return db
    .selectFrom('topics')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select(['topics.kind', 'topics.author_id', 'topics.accepted_post_id', 'topics.locked_at', 'topics.deleted_at', 'communities.slug', 'communities.accept_by', 'communities.visibility', 'communities.join_policy', 'communities.id as community_id'])
    .where('topics.id', '=', topicId)
    .executeTakeFirstOrThrow();
}

/** The same facts as loadTopicFacts, from what the page loaded. */
function fromPage(k: KnownPage): Awaited<ReturnType<typeof loadTopicFacts>> {
  const t = k.topic;
  return {
    kind: t.kind,
    author_id: t.author.id,
    accepted_post_id: t.acceptedPostId,
    locked_at: t.locked ? 'locked' : null,
    deleted_at: t.deleted?.at ?? null,
    slug: k.community.slug,
    accept_by: k.community.accept_by,
    visibility: k.community.visibility,
    join_policy: k.community.join_policy,
    community_id: k.community.id,
  };
}

/**
 * Loads the Q&A state of a topic page: the accepted answer, each post's score and comments, the
 * viewer's votes and what they may do. The caller has already checked the viewer may read the topic;
 * only posts of that topic are looked at. `back` defaults to the topic's address.
 */
export async function loadAnswerExtras(db: Db, actor: Actor | null, topicId: number, postIds: number[], opts: { back?: string; known?: KnownPage } = {}): Promise<AnswerExtras> {
  const k = opts.known;
  const topic = k ? fromPage(k) : await loadTopicFacts(db, topicId);
  const role = k ? k.access.role : await findRole(db, topic.community_id, actor);
  const access: CommunityAccess = k ? k.access : { visibility: topic.visibility, joinPolicy: topic.join_policy, role };
  const open = topic.locked_at === null && topic.deleted_at === null;
  const rows = k
    ? k.posts.filter((p) => p.topicId === topicId).map((p) => ({ id: p.id, kind: p.kind, author_id: p.author.id, deleted_at: p.deleted?.at ?? null, score: p.score }))
    : postIds.length === 0
      ? []
      : await db.selectFrom('posts').select(['id', 'kind', 'author_id', 'deleted_at', 'score']).where('topic_id', '=', topicId).where('id', 'in', postIds).execute();
  const [mine, comments] = await Promise.all([actor ? votesOn(db, actor.id, postIds) : Promise.resolve(new Map<number, VoteValue>()), commentsOnPosts(db, postIds)]);
  const posts = new Map<number, PostExtras>();
  for (const r of rows) {
    const votable = isQuestionPost({ kind: r.kind, topic: { kind: topic.kind } });
    posts.set(r.id, { votable, isAnswer: votable && r.kind === 'answer', authorId: r.author_id, deleted: r.deleted_at !== null, score: r.score, myVote: mine.get(r.id) ?? null, comments: votable ? (comments.get(r.id) ?? []) : [] });
  }
  const member = actor !== null && role !== null;
  const mayAccept = actor !== null && member && open && topic.kind === 'question' && mayAcceptAnswer(actor.id, access, { authorId: topic.author_id, community: { acceptBy: topic.accept_by } });
  return {
    topicId,
    slug: topic.slug,
    isQuestion: topic.kind === 'question',
    acceptedPostId: topic.accepted_post_id,
    back: opts.back ?? `/c/${topic.slug}/t/${topicId}`,
    viewerId: actor?.id ?? null,
    mayTakePart: member && open,
    mayAccept,
    isCore: isCoreMember(access),
    posts,
  };
}

