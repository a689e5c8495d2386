import type { CommunityAccess } from '../../core/permissions/index.ts';
import type { AcceptBy } from './answers.schema.ts';
import type { PostTarget, TopicTarget } from './answers.store.ts';

/*
 * The rules of Q&A, as pure functions the services and the topic page share.
 *
 * Who counts as a steward when accepting answers: the community's stewards AND moderators. Both are
 * the core group that curates a community's knowledge (DESIGN.md §1), and a moderator tidying up an
 * old question should be able to mark what solved it. Organisation admins count only when they are
 * members in one of those roles: like every other act inside a community, accepting needs membership.
 */

/** Stewards and moderators: the community's core group. */
export function isCoreMember(access: CommunityAccess): boolean {
  return access.role === 'steward' || access.role === 'moderator';
}

/** Votes and comments go on a question's opening post and on its answers, nowhere else. */
export function isQuestionPost(post: Pick<PostTarget, 'kind'> & { topic: Pick<TopicTarget, 'kind'> }): boolean {
  return post.topic.kind === 'question' && (post.kind === 'opening' || post.kind === 'answer');
}

/**
 * May this member accept (or unaccept) an answer to this question, under the community's accept_by
 * setting? Call only for members (canPost); the asker is the topic's author.
 */
export function mayAcceptAnswer(actorId: number, access: CommunityAccess, topic: { authorId: number; community: { acceptBy: AcceptBy } }): boolean {
  if (access.role === null) return false;
  const asker = topic.authorId === actorId;
  switch (topic.community.acceptBy) {
    case 'asker':
      return asker;
    case 'steward':
      return isCoreMember(access);
    default:
      return asker || isCoreMember(access);
  }
}

/** May this member delete this comment? Its author, or a steward or moderator of the community. */
export function mayDeleteComment(actorId: number, access: CommunityAccess, comment: { authorId: number }): boolean {
  return access.role !== null && (comment.authorId === actorId || isCoreMember(access));
}
