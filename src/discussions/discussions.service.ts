import { recordActivity } from '../core/activity.ts';
import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../core/http/errors.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../core/permissions/index.ts';
import { findCommunityForActor, type CommunityRow } from '../communities/communities.access.ts';
import type { TopicKind } from './discussions.schema.ts';
import { insertPost, type Post } from './posts.store.ts';
import { findTopicById, insertTopic, recordReplyOnTopic, type TopicWithCommunity } from './topics.store.ts';

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

/** Loads a topic the actor may read, with the actor's access to its community; 404 otherwise. */
export async function findReadableTopic(deps: Deps, actor: Actor | null, topicId: number): Promise<{ topic: TopicWithCommunity; access: CommunityAccess }> {
  const topic = await findTopicById(deps.db, topicId);
  if (!topic) throw notFound('Topic');
  const found = await findCommunityForActor(deps.db, topic.community.slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Topic');
  return { topic, access: found.access };
}

/** Throws 401 for anonymous and 403 for readers who are not members; returns the signed-in actor. */
export function assertMayPost(actor: Actor | null, access: CommunityAccess): Actor {
  if (!actor) throw unauthenticated('Sign in to take part in discussions.');
  if (!canPost(actor, access)) throw forbidden('Only members of this community can post. Join it first.');
  return actor;
}

function requireText(field: string, value: string, label: string): string {
  // The schema refuses "", but a title of only spaces is just as empty.
  if (value.trim() === '') throw badRequest(`${label} must not be empty`, [{ field, message: `${label} must not be empty` }]);
  return value;
}

/** Input for a new topic, already checked against the schema's length limits. */
export interface NewTopic {
  kind: TopicKind;
  title: string;
  body: string;
}

/**
 * Starts a topic with its opening post in one transaction and records 'topic.created'.
 * Throws 401/403/404 (see assertMayPost, findReadableCommunity) and 400 for a blank title or body.
 */
export async function startTopic(deps: Deps, actor: Actor | null, slug: string, input: NewTopic): Promise<{ topicId: number; community: CommunityRow }> {
  if (!actor) throw unauthenticated('Sign in to start a topic.');
  const { community, access } = await findReadableCommunity(deps, actor, slug);
  assertMayPost(actor, access);
  const title = requireText('title', input.title.trim(), 'Title');
  const body = requireText('body', input.body, 'Body');
  const at = iso(deps.clock.now());
  const topicId = await deps.db.transaction().execute(async (tx) => {
    const id = await insertTopic(tx, { communityId: community.id, authorId: actor.id, kind: input.kind, title, at });
    await insertPost(tx, { topicId: id, authorId: actor.id, body, at });
    await recordActivity(tx, { actorId: actor.id, verb: 'topic.created', communityId: community.id, subjectType: 'topic', subjectId: id, data: { title, kind: input.kind }, at });
    return id;
  });
  deps.bus.publish({ type: 'topic.created', communityId: community.id, payload: { topicId } });
  return { topicId, community };
}

/**
 * Adds a reply to a topic: the post, the topic's reply_count and last_posted_at, and a 'post.created'
 * activity row, all in one transaction. Throws 401/403/404 and 400 for a blank body.
 */
export async function replyToTopic(deps: Deps, actor: Actor | null, topicId: number, rawBody: string): Promise<{ post: Post; topic: TopicWithCommunity }> {
  if (!actor) throw unauthenticated('Sign in to reply.');
  const { topic, access } = await findReadableTopic(deps, actor, topicId);
  assertMayPost(actor, access);
  const body = requireText('body', rawBody, 'Body');
  const at = iso(deps.clock.now());
  const postId = await deps.db.transaction().execute(async (tx) => {
    const id = await insertPost(tx, { topicId, authorId: actor.id, body, at });
    await recordReplyOnTopic(tx, topicId, at);
    await recordActivity(tx, { actorId: actor.id, verb: 'post.created', communityId: topic.communityId, subjectType: 'post', subjectId: id, data: { topicId, title: topic.title }, at });
    return id;
  });
  deps.bus.publish({ type: 'post.created', communityId: topic.communityId, payload: { topicId, postId } });
  const author = { id: actor.id, username: actor.username, displayName: actor.displayName };
  return { post: { id: postId, topicId, body, createdAt: at, author }, topic };
}
