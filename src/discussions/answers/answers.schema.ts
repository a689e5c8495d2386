import { Type, type Static } from '@sinclair/typebox';
import { pageInfo } from '../../core/http/pagination.ts';
import { AuthorSchema } from '../discussions.schema.ts';

/** The most a comment may say, in characters. */
export const COMMENT_MAX = 1000;

export const acceptByValues = ['asker', 'steward', 'asker_or_steward'] as const;
/** Who may accept an answer in a community (communities.accept_by). */
export type AcceptBy = (typeof acceptByValues)[number];

export const PostIdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'The post id.' }) });
export const TopicIdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'The topic id.' }) });
export const CommentIdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'The comment id.' }) });

/** +1 (up) or −1 (down), as a JSON Schema enum so a bad value reads "Value must be one of: 1, -1". */
export const VoteBody = Type.Object(
  { value: Type.Unsafe<1 | -1>({ type: 'integer', enum: [1, -1], description: '1 for an upvote, -1 for a downvote.' }) },
  { additionalProperties: false },
);

export const VoteStateSchema = Type.Object({
  postId: Type.Integer(),
  score: Type.Integer({ description: 'Upvotes minus downvotes.' }),
  myVote: Type.Union([Type.Literal(1), Type.Literal(-1), Type.Null()], { description: 'Your vote on the post, or null.' }),
});

export const AcceptBody = Type.Object({ postId: Type.Integer({ minimum: 1, description: 'The answer to accept.' }) }, { additionalProperties: false });

export const AcceptedStateSchema = Type.Object({
  topicId: Type.Integer(),
  acceptedPostId: Type.Union([Type.Integer(), Type.Null()], { description: 'The accepted answer, or null.' }),
});

export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: COMMENT_MAX, description: `Markdown, at most ${COMMENT_MAX} characters.` }) },
  { additionalProperties: false },
);

export const CommentSchema = Type.Object({
  id: Type.Integer(),
  postId: Type.Integer(),
  body: Type.String({ description: 'The Markdown source.' }),
  bodyHtml: Type.String({ description: 'Rendered, safe HTML.' }),
  createdAt: Type.String({ format: 'date-time' }),
  author: AuthorSchema,
});

export const CommentListSchema = Type.Object({ items: Type.Array(CommentSchema), ...pageInfo });

export const CommentDeletedSchema = Type.Object({
  id: Type.Integer(),
  postId: Type.Integer(),
  commentCount: Type.Integer({ description: 'Comments left on the post.' }),
});

export type VoteState = Static<typeof VoteStateSchema>;
export type AcceptedState = Static<typeof AcceptedStateSchema>;
export type CommentDto = Static<typeof CommentSchema>;
