import type { Deps } from '../core/deps.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../core/http/errors.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../core/permissions/index.ts';
import { findCommunityForActor, type CommunityRow } from '../communities/communities.access.ts';
import { isModerator } from './discussions.rules.ts';
import { findPostById, type Post } from './posts.store.ts';
import { findTopicById, type TopicSummary } from './topics.store.ts';

export { requireText } from './post-body.ts';

/** A community whose content the actor may read, with the actor's access to it. */
export interface ReadableCommunity {
  community: CommunityRow;
  access: CommunityAccess;
}

/**
 * Loads a community by slug for reading its discussions. Throws 404 when it does not exist, when the
 * actor may not know it exists, or when its content is private to members (never reveal which).
 */
export async function findReadableCommunity(deps: Deps, actor: Actor | null, slug: string): Promise<ReadableCommunity> {
  const found = await findCommunityForActor(deps.db, slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Community');
  return found;
}

/**
 * Loads a topic the actor may read, with the actor's access to its home community; 404 otherwise.
 * A deleted topic (its opening post was deleted) is 404 to everyone but the moderators and stewards
 * of its home community, who still see it, marked deleted, to review what happened.
 */
export async function findReadableTopic(deps: Deps, actor: Actor | null, topicId: number): Promise<{ topic: TopicSummary; access: CommunityAccess; community: CommunityRow }> {
  const topic = await findTopicById(deps.db, topicId);
  if (!topic) throw notFound('Topic');
  const found = await findCommunityForActor(deps.db, topic.community.slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Topic');
  if (topic.deleted && !isModerator(found.access)) throw notFound('Topic');
  return { topic, access: found.access, community: found.community };
}

/** Loads a post the actor may read (its topic readable as findReadableTopic says); 404 otherwise. */
export async function findReadablePost(deps: Deps, actor: Actor | null, postId: number): Promise<{ post: Post; topic: TopicSummary; access: CommunityAccess }> {
  const post = await findPostById(deps.db, postId);
  if (!post) throw notFound('Post');
  const { topic, access } = await findReadableTopic(deps, actor, post.topicId).catch((err: unknown) => {
    throw err instanceof AppError && err.status === 404 ? notFound('Post') : err;
  });
  return { post, topic, access };
}

/** Throws 401 for anonymous and 403 for readers who are not members; returns the signed-in actor. */
export function assertMayPost(actor: Actor | null, access: CommunityAccess): Actor {
  if (!actor) throw unauthenticated('Sign in to take part in discussions.');
  if (!canPost(actor, access)) throw forbidden('Only members of this community can post. Join it first.');
  return actor;
}

/**
 * What a reader may see of a post: a deleted post keeps its place in the thread, but its text is
 * hidden from everyone except the moderators and stewards of the home community.
 */
export function visiblePost(post: Post, access: CommunityAccess): Post {
  if (!post.deleted || isModerator(access)) return post;
  return { ...post, body: '', bodyHtml: '' };
}
