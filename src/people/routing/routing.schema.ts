import { Type } from '@sinclair/typebox';
import { pageInfo } from '../../core/http/pagination.ts';
import { AuthorSchema, CommunityRefSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { RESPONSE_TARGET_MAX, RESPONSE_TARGET_MIN } from './escalation.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every routing API route. */
export const tags = ['question routing'];

export const TopicIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const InvitationIdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'The invitation’s id.' }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const SuggestQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'How many suggestions (1–50).' })) });
export const InviteBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100, description: 'Whom to invite to answer.' }) }, { additionalProperties: false });
export const TargetBody = Type.Object({ responseTargetHours: Type.Integer({ minimum: RESPONSE_TARGET_MIN, maximum: RESPONSE_TARGET_MAX, description: 'Hours after which an unanswered question is escalated.' }) }, { additionalProperties: false });
export const InvitationListQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) });

export const ReasonSchema = Type.Object({
  kind: StringEnum(['accepted', 'answers', 'similar', 'recent', 'load'] as const),
  count: Type.Integer(),
  tag: Type.Optional(Type.String()),
  text: Type.String({ description: 'The reason in words, e.g. "3 accepted answers in #sql".' }),
});

export const SuggestionListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      user: AuthorSchema,
      score: Type.Number({ description: 'Ranking score (higher is better; comparable within one list only).' }),
      reasons: Type.Array(ReasonSchema),
      invited: Type.Boolean({ description: 'Already holds an open invitation to this question.' }),
    }),
  ),
});

export const InvitationSchema = Type.Object({
  id: Type.Integer(),
  topicId: Type.Integer(),
  invitee: AuthorSchema,
  state: StringEnum(['open', 'declined'] as const),
});

export const OpenInvitationListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      topic: Type.Object({ id: Type.Integer(), title: Type.String(), url: Type.String() }),
      community: CommunityRefSchema,
      invitedBy: Type.Union([Type.Object({ username: Type.String(), displayName: Type.String() }), Type.Null({ description: 'Invited by the escalation of an unanswered question.' })]),
      createdAt: Type.String(),
    }),
  ),
  ...pageInfo,
});

export const TargetSchema = Type.Object({ responseTargetHours: Type.Integer(), isDefault: Type.Boolean() });
