import type { Deps } from '../../core/deps.ts';
import { forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { accessToCommunity, findTopicState, type TopicState } from '../moderation/topic-state.store.ts';

/** A post with the topic it belongs to, as engagement needs them. */
export interface PostInTopic {
  post: { id: number; topicId: number; authorId: number; kind: 'opening' | 'reply' | 'answer' };
  topic: TopicState;
  access: CommunityAccess;
}

/**
 * Loads a live post the actor may read, with its topic and the actor's access. 404 when it does not
 * exist, is deleted (or its topic is), or sits in a community the actor may not read.
 */
export async function readablePost(deps: Deps, actor: Actor | null, postId: number): Promise<PostInTopic> {
  const post = await deps.db.selectFrom('posts').select(['id', 'topic_id', 'author_id', 'kind', 'deleted_at']).where('id', '=', postId).executeTakeFirst();
  const topic = post && post.deleted_at === null ? await findTopicState(deps.db, post.topic_id) : undefined;
  if (!post || !topic || topic.deletedAt !== null) throw notFound('Post');
  const access = await accessToCommunity(deps.db, topic.community, actor);
  if (!canReadCommunity(actor, access)) throw notFound('Post');
  return { post: { id: post.id, topicId: post.topic_id, authorId: post.author_id, kind: post.kind }, topic, access };
}

/** Loads a live topic the actor may read, with the actor's access; 404 otherwise. */
export async function readableTopic(deps: Deps, actor: Actor | null, topicId: number): Promise<{ topic: TopicState; access: CommunityAccess }> {
  const topic = await findTopicState(deps.db, topicId);
  if (!topic || topic.deletedAt !== null) throw notFound('Topic');
  const access = await accessToCommunity(deps.db, topic.community, actor);
  if (!canReadCommunity(actor, access)) throw notFound('Topic');
  return { topic, access };
}

/** 401 for anonymous; returns the signed-in actor. */
export function signedIn(actor: Actor | null, doing: string): Actor {
  if (!actor) throw unauthenticated(`Sign in to ${doing}.`);
  return actor;
}

/** 403 unless the actor is a member (reactions are for members, like posting). */
export function assertMember(actor: Actor, access: CommunityAccess): void {
  if (!canPost(actor, access)) throw forbidden('Only members of this community can react to posts. Join it first.');
}
