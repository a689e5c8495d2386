import type { Deps } from '../../core/deps.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { findCommunityForActor } from '../../communities/communities.access.ts';
import { answersErrors } from './answers.errors.ts';
import { isCoreMember } from './answers.rules.ts';
import { findPostTarget, findTopicTarget, type PostTarget, type TopicTarget } from './answers.store.ts';

/**
 * The actor's access to the community of a topic, or null when they may not read it. A deleted topic
 * is readable only by the community's stewards and moderators (as on the topic page).
 */
async function readerAccess(deps: Deps, actor: Actor | null, topic: TopicTarget): Promise<CommunityAccess | null> {
  const found = await findCommunityForActor(deps.db, topic.community.slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) return null;
  return topic.deletedAt && !isCoreMember(found.access) ? null : found.access;
}

/** A post the actor may read, with their access to its community. Throws 404 otherwise. */
export async function loadReadablePost(deps: Deps, actor: Actor | null, postId: number): Promise<{ post: PostTarget; access: CommunityAccess }> {
  const post = await findPostTarget(deps.db, postId);
  const access = post ? await readerAccess(deps, actor, post.topic) : null;
  if (!post || !access) throw answersErrors.postNotFound();
  return { post, access };
}

/** A topic the actor may read, with their access to its community. Throws 404 otherwise. */
export async function loadReadableTopic(deps: Deps, actor: Actor | null, topicId: number): Promise<{ topic: TopicTarget; access: CommunityAccess }> {
  const topic = await findTopicTarget(deps.db, topicId);
  const access = topic ? await readerAccess(deps, actor, topic) : null;
  if (!topic || !access) throw answersErrors.topicNotFound();
  return { topic, access };
}

/** The signed-in actor; 401 for anonymous, saying what signing in is for. */
export function requireActor(actor: Actor | null, doing: string): Actor {
  if (!actor) throw answersErrors.signIn(doing);
  return actor;
}

/** Throws 403 unless the actor is a member of the community (readers who are not members take no part). */
export function requireMember(actor: Actor, access: CommunityAccess, doing: string): void {
  if (!canPost(actor, access)) throw answersErrors.membersOnly(doing);
}

/** Throws 409 when the topic is deleted or locked: it takes no more changes. */
export function requireOpenTopic(topic: TopicTarget): void {
  if (topic.deletedAt) throw answersErrors.deletedTopic();
  if (topic.lockedAt) throw answersErrors.locked();
}

/** Throws 409 when the post, or its topic, is deleted or locked. */
export function requireOpenPost(post: PostTarget): void {
  requireOpenTopic(post.topic);
  if (post.deletedAt) throw answersErrors.deletedPost();
}
