import type { Db } from '../core/db/index.ts';

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
}

/**
 * Creates in-app notifications for a new post: mentions, a reply to my topic, an answer to my
 * question, posts in topics/communities I watch. Call it with the transaction that wrote the post.
 * Never notifies the author, nor anyone who may not read the community.
 * (Interface fixed now; the notifications work fills in the body.)
 */
export async function notifyOnNewPost(_db: Db, _event: NewPostEvent): Promise<void> {}

/** An answer was accepted (inside the accepting transaction). */
export interface AcceptedEvent {
  postId: number;
  topicId: number;
  communityId: number;
  answerAuthorId: number;
  acceptedBy: number;
  at: string;
}

/** Notifies the answer's author that their answer was accepted (unless they accepted it themself). */
export async function notifyOnAccepted(_db: Db, _event: AcceptedEvent): Promise<void> {}
