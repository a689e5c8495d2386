import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import type { AcceptBy } from './answers.schema.ts';

const invalid = (field: string, message: string) => new AppError(400, 'VALIDATION_FAILED', message, [{ field, message }]);

const acceptHint: Record<AcceptBy, string> = {
  asker: 'In this community only the person who asked can accept an answer.',
  steward: 'In this community only stewards and moderators can accept an answer.',
  asker_or_steward: 'Only the person who asked, or a steward or moderator, can accept an answer.',
};

/** The errors of votes, accepted answers and comments, on the shared codes of core/http/errors.ts. */
export const answersErrors = {
  /** 401 with a sentence saying what signing in is for. */
  signIn: (doing: string) => unauthenticated(`Sign in to ${doing}.`),
  /** 404: no such post, or one in a community the actor may not read. */
  postNotFound: () => notFound('Post'),
  topicNotFound: () => notFound('Topic'),
  commentNotFound: () => notFound('Comment'),
  /** 403: readers who are not members take no part. */
  membersOnly: (doing: string) => forbidden(`Only members of this community can ${doing}. Join it first.`),
  ownPost: () => forbidden('You cannot vote on your own post.'),
  notAllowedToAccept: (acceptBy: AcceptBy) => forbidden(acceptHint[acceptBy]),
  notYourComment: () => forbidden('Only its author or a steward or moderator can delete a comment.'),
  /** 400: votes and comments belong to questions and their answers. */
  notVotable: () => invalid('id', 'Only questions and their answers can be voted on'),
  notCommentable: () => invalid('id', 'Only questions and their answers take comments'),
  notAQuestion: () => invalid('id', 'Only questions have accepted answers'),
  notAnAnswer: (postId: number) => invalid('postId', `Post ${postId} is not an answer to this question`),
  blankComment: () => invalid('body', 'Comment must not be empty'),
  unknownMention: (name: string) => invalid('body', `No member is called @${name}; check the username`),
  /** 409: the thing can no longer change. */
  locked: () => conflict('This topic is locked: it takes no more votes, comments or changes.'),
  deletedPost: () => conflict('This post has been deleted.'),
  deletedTopic: () => conflict('This topic has been deleted.'),
};
