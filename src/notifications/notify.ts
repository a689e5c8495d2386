import type { Db } from '../core/db/index.ts';
import { insertNotifications, type TopicNotificationKind } from './notifications.store.ts';
import { chosenLevels, effectiveLevel, watchIfUnset } from './watch-levels.store.ts';

/** A post that was just written (inside the writer's transaction). */
export interface NewPostEvent {
  postId: number;
  topicId: number;
  communityId: number;
  authorId: number;
  kind: 'opening' | 'reply' | 'answer';
  /** Ids of the users the post mentions (already checked to exist). */
  mentionedUserIds: number[];
  at: string;
  /** The topic's author, when the caller has it (saves a lookup). */
  topicAuthorId?: number;
}

/** Of the users given, those who may read the community's content (the visibility rule). */
async function readersAmong(db: Db, communityId: number, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const c = await db.selectFrom('communities').select('visibility').where('id', '=', communityId).executeTakeFirst();
  if (!c) return new Set();
  if (c.visibility === 'public') return new Set(userIds);
  const rows = await db.selectFrom('memberships').select('user_id').where('community_id', '=', communityId).where('user_id', 'in', userIds).execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * Creates in-app notifications for a new post: mentions, a reply to my topic, an answer to my
 * question, posts in topics/communities I watch. Call it with the transaction that wrote the post.
 * Never notifies the author, nor anyone who may not read the community; one notification per user,
 * of the most specific kind (mention, then answer/reply, then watched). Muting a topic or community
 * silences it; tracking (the default) hears mentions and replies to one's own topics; watching hears
 * every post. Also makes the author of a new topic watch it and a replier track it, unless they
 * chose a level themselves (a replier watching the community keeps hearing everything).
 */
export async function notifyOnNewPost(db: Db, event: NewPostEvent): Promise<void> {
  const topic = event.topicAuthorId !== undefined ? { author_id: event.topicAuthorId } : await db.selectFrom('topics').select(['author_id']).where('id', '=', event.topicId).executeTakeFirst();
  if (!topic) return;
  const levels = await chosenLevels(db, event.topicId, event.communityId, { heardOrAsked: [...event.mentionedUserIds, topic.author_id, event.authorId] });
  const wanted = new Map<number, TopicNotificationKind>();
  const want = (userId: number, kind: TopicNotificationKind) => {
    if (userId === event.authorId || wanted.has(userId)) return;
    const level = effectiveLevel(levels.get(userId));
    if (level === 'mute' || (kind === 'watched' && level !== 'watch')) return;
    wanted.set(userId, kind);
  };
  for (const id of event.mentionedUserIds) want(id, 'mention');
  if (event.kind === 'answer') want(topic.author_id, 'answer');
  if (event.kind === 'reply') want(topic.author_id, 'reply');
  for (const userId of levels.keys()) want(userId, 'watched');
  const readers = await readersAmong(db, event.communityId, [...wanted.keys()]);
  await insertNotifications(
    db,
    [...wanted].filter(([userId]) => readers.has(userId)).map(([userId, kind]) => ({ userId, kind, actorId: event.authorId, communityId: event.communityId, topicId: event.topicId, postId: event.postId, at: event.at })),
  );
  const own = levels.get(event.authorId);
  if (event.kind === 'opening') await watchIfUnset(db, event.authorId, event.topicId, 'watch', event.at);
  else if (own?.community !== 'watch') await watchIfUnset(db, event.authorId, event.topicId, 'track', event.at);
}

/** An answer was accepted (inside the accepting transaction). */
export interface AcceptedEvent {
  postId: number;
  topicId: number;
  communityId: number;
  answerAuthorId: number;
  acceptedBy: number;
  at: string;
}

/**
 * Notifies the answer's author that their answer was accepted — unless they accepted it themself,
 * may no longer read the community, muted the topic, or were already told about this answer.
 */
export async function notifyOnAccepted(db: Db, event: AcceptedEvent): Promise<void> {
  const userId = event.answerAuthorId;
  if (userId === event.acceptedBy) return;
  if (!(await readersAmong(db, event.communityId, [userId])).has(userId)) return;
  if (effectiveLevel((await chosenLevels(db, event.topicId, event.communityId)).get(userId)) === 'mute') return;
  const told = await db.selectFrom('notifications').select('id').where('user_id', '=', userId).where('post_id', '=', event.postId).where('kind', '=', 'accepted').executeTakeFirst();
  if (told) return;
  await insertNotifications(db, [{ userId, kind: 'accepted', actorId: event.acceptedBy, communityId: event.communityId, topicId: event.topicId, postId: event.postId, at: event.at }]);
}

/** Mentions in something that is not a post of its own (a comment), inside the writing transaction. */
export interface MentionEvent {
  /** The post the mention sits under (the notification links there). */
  postId: number;
  topicId: number;
  communityId: number;
  authorId: number;
  mentionedUserIds: number[];
  at: string;
}

/** Tells each mentioned reader (not the author, not who muted the topic) they were mentioned. */
export async function notifyOnMentions(db: Db, event: MentionEvent): Promise<void> {
  const levels = await chosenLevels(db, event.topicId, event.communityId);
  const ids = [...new Set(event.mentionedUserIds)].filter((id) => id !== event.authorId && effectiveLevel(levels.get(id)) !== 'mute');
  const readers = await readersAmong(db, event.communityId, ids);
  await insertNotifications(
    db,
    ids.filter((id) => readers.has(id)).map((userId) => ({ userId, kind: 'mention' as const, actorId: event.authorId, communityId: event.communityId, topicId: event.topicId, postId: event.postId, at: event.at })),
  );
}
