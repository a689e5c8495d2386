import type { CommunityAccess } from '../core/permissions/index.ts';
import { conflict, notFound } from '../core/http/errors.ts';
import type { TopicSummary } from './topics.store.ts';

/** Moderators and stewards of the topic's home community moderate its discussions. */
export function isModerator(access: CommunityAccess): boolean {
  return access.role === 'moderator' || access.role === 'steward';
}

/** May the actor edit or delete this post? Its author (while a member), or a moderator/steward. */
export function mayChangePost(actorId: number, access: CommunityAccess, authorId: number): boolean {
  return access.role !== null && (authorId === actorId || isModerator(access));
}

/** May the actor link the topic into other communities or unlink it? Its author or a home steward. */
export function mayCrosspost(actorId: number, access: CommunityAccess, topicAuthorId: number): boolean {
  return access.role !== null && (topicAuthorId === actorId || access.role === 'steward');
}

/** Throws 409 "This topic is locked" for a topic whose lock is on: no replies, no edits. */
export function assertNotLocked(topic: TopicSummary): void {
  if (topic.locked) throw conflict('This topic is locked');
}

/** Throws 409 "This topic is closed": a closed topic takes no new replies or answers (edits and votes go on). */
export function assertNotClosed(topic: TopicSummary): void {
  if (topic.closed) throw conflict('This topic is closed');
}

/** A deleted topic takes no replies or edits from anyone: 404, as for a topic that is gone. */
export function assertNotDeleted(topic: TopicSummary): void {
  if (topic.deleted) throw notFound('Topic');
}
