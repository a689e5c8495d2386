import { recordActivity } from '../core/activity.ts';
import { iso } from '../core/clock.ts';
import type { Deps } from '../core/deps.ts';
import { unauthenticated } from '../core/http/errors.ts';
import type { Actor, CommunityAccess } from '../core/permissions/index.ts';
import type { CommunityRow } from '../communities/communities.access.ts';
import { notifyOnNewPost } from '../notifications/notify.ts';
import { resolveCrosspostTargets } from './crossposts.service.ts';
import { insertCrossposts } from './crossposts.store.ts';
import { assertNotClosed, assertNotDeleted, assertNotLocked } from './discussions.rules.ts';
import type { PostKind, TopicKind } from './discussions.schema.ts';
import { assertMayPost, findReadableCommunity, findReadableTopic } from './discussions.service.ts';
import { renderPostBody, requireText } from './post-body.ts';
import { insertPost, type Post } from './posts.store.ts';
import { markRead } from './read-state.store.ts';
import { checkTags } from './tags.ts';
import { checkCommunityTags } from '../people/profiles/tag-policy.ts';
import { recordLinks } from '../knowledge/links/links.store.ts';
import { indexNewReply, indexTopic } from '../search/search.index.ts';
import { forgetTagCounts, setTopicTags } from './tags.store.ts';
import { insertTopic, recordPostOnTopic, type TopicSummary } from './topics.store.ts';

/** Input for a new topic, already checked against the schema's length limits. */
export interface NewTopic {
  kind: TopicKind;
  title: string;
  body: string;
  tags?: readonly string[];
  /** Slugs of other communities to cross-post into. */
  crossPostTo?: readonly string[];
}

/**
 * Starts a topic with its opening post (Markdown rendered now), tags and cross-posts in one
 * transaction; records 'topic.created', notifies mentioned members, and marks it read for its author.
 * Throws 401/403/404 (see assertMayPost, findReadableCommunity) and 400 naming the field for a blank
 * title or body, unknown @mentions, bad tags or cross-post targets — writing nothing.
 */
export async function startTopic(deps: Deps, actor: Actor | null, slug: string, input: NewTopic): Promise<{ topicId: number; community: CommunityRow }> {
  if (!actor) throw unauthenticated('Sign in to start a topic.');
  const { community, access } = await findReadableCommunity(deps, actor, slug);
  assertMayPost(actor, access);
  const title = requireText('title', input.title.trim(), 'Title');
  const tags = checkTags(input.tags ?? [], deps.config.limits.tagsMax);
  await checkCommunityTags(deps.db, community.id, tags);
  const rendered = await renderPostBody(deps.db, input.body);
  const targets = await resolveCrosspostTargets(deps.db, actor, community.id, input.crossPostTo ?? []);
  const at = iso(deps.clock.now());
  const topicId = await deps.db.transaction().execute(async (tx) => {
    const id = await insertTopic(tx, { communityId: community.id, authorId: actor.id, kind: input.kind, title, at });
    const postId = await insertPost(tx, { topicId: id, authorId: actor.id, kind: 'opening', body: rendered.body, bodyHtml: rendered.html, at });
    await recordLinks(tx, { kind: 'post', id: postId }, rendered.html, deps.config.baseUrl, at, { fresh: true });
    await setTopicTags(tx, id, community.id, tags);
    await insertCrossposts(tx, id, targets.map((c) => c.id), actor.id, at);
    await markRead(tx, actor.id, id, postId, at);
    await indexTopic(tx, id);
    await recordActivity(tx, { actorId: actor.id, verb: 'topic.created', communityId: community.id, subjectType: 'topic', subjectId: id, data: { title, kind: input.kind }, at });
    await notifyOnNewPost(tx, { postId, topicId: id, communityId: community.id, authorId: actor.id, kind: 'opening', mentionedUserIds: rendered.mentionedUserIds, at });
    return id;
  });
  if (tags.length > 0) forgetTagCounts(deps.db);
  deps.bus.publish({ type: 'topic.created', communityId: community.id, payload: { topicId } });
  return { topicId, community };
}

/**
 * Adds a post to a topic: an answer in a question, a reply in a discussion. The post, the topic's
 * reply_count (and answer_count) and last_posted_at, a 'post.created' activity row and the
 * notifications are written in one transaction, the counters by atomic increments. Throws 401/403,
 * 404 (unreadable or deleted topic), 409 for a locked or closed topic, 400 for a blank body or unknown mentions.
 */
export async function replyToTopic(deps: Deps, actor: Actor | null, topicId: number, rawBody: string): Promise<{ post: Post; topic: TopicSummary; access: CommunityAccess }> {
  if (!actor) throw unauthenticated('Sign in to reply.');
  const { topic, access } = await findReadableTopic(deps, actor, topicId);
  assertNotDeleted(topic);
  assertMayPost(actor, access);
  assertNotLocked(topic);
  assertNotClosed(topic);
  const rendered = await renderPostBody(deps.db, rawBody);
  const kind: PostKind = topic.kind === 'question' ? 'answer' : 'reply';
  const at = iso(deps.clock.now());
  const postId = await deps.db.transaction().execute(async (tx) => {
    const id = await insertPost(tx, { topicId, authorId: actor.id, kind, body: rendered.body, bodyHtml: rendered.html, at });
    await recordLinks(tx, { kind: 'post', id }, rendered.html, deps.config.baseUrl, at, { fresh: true });
    await recordPostOnTopic(tx, topicId, at, { answer: kind === 'answer' });
    await indexNewReply(tx, id);
    await recordActivity(tx, { actorId: actor.id, verb: 'post.created', communityId: topic.communityId, subjectType: 'post', subjectId: id, data: { topicId, title: topic.title, kind }, at });
    await notifyOnNewPost(tx, { postId: id, topicId, communityId: topic.communityId, authorId: actor.id, kind, mentionedUserIds: rendered.mentionedUserIds, at, topicAuthorId: topic.author.id });
    return id;
  });
  deps.bus.publish({ type: 'post.created', communityId: topic.communityId, payload: { topicId, postId } });
  const author = { id: actor.id, username: actor.username, displayName: actor.displayName };
  const post: Post = { id: postId, topicId, kind, body: rendered.body, bodyHtml: rendered.html, score: 0, commentCount: 0, createdAt: at, editedAt: null, author, deleted: null };
  return { post, topic, access };
}
