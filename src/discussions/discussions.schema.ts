import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Config } from '../core/config.ts';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';

/** A string enum as JSON Schema `enum` (so errors read "must be one of: …" and OpenAPI lists the values). */
export function StringEnum<T extends string>(values: readonly T[], opts: { description?: string; default?: T } = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
}

export const topicKinds = ['discussion', 'question'] as const;
export type TopicKind = (typeof topicKinds)[number];
export const TopicKindSchema = StringEnum<TopicKind>(topicKinds, { description: 'A discussion, or a question that wants answers.' });

export const AuthorSchema = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() });

export const TopicSummarySchema = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  kind: TopicKindSchema,
  title: Type.String(),
  replyCount: Type.Integer({ description: 'Replies, not counting the opening post.' }),
  lastPostedAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  author: AuthorSchema,
});

export const TopicSchema = Type.Object({
  ...TopicSummarySchema.properties,
  community: Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() }),
  body: Type.String({ description: 'The opening post, plain text.' }),
});

export const PostSchema = Type.Object({
  id: Type.Integer(),
  topicId: Type.Integer(),
  body: Type.String({ description: 'Plain text.' }),
  createdAt: Type.String({ format: 'date-time' }),
  author: AuthorSchema,
});

export const TopicListSchema = Type.Object({ items: Type.Array(TopicSummarySchema), ...pageInfo });
export const PostListSchema = Type.Object({ items: Type.Array(PostSchema), ...pageInfo });

export const TopicListQuery = Type.Object({ ...PageQuery.properties, kind: Type.Optional(TopicKindSchema) });

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const TopicIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

/** The error responses a route may answer with, keyed by status, for its schema. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema]));
}

/** Body schemas whose limits come from configuration. Forms and the API share them. */
export function discussionBodies(limits: Config['limits']) {
  const title = Type.String({ minLength: 1, maxLength: limits.titleMax, description: 'The topic title.' });
  const body = Type.String({ minLength: 1, maxLength: limits.bodyMax, description: 'Plain text; line breaks are kept.' });
  return {
    CreateTopicBody: Type.Object({ title, body, kind: Type.Optional(StringEnum<TopicKind>(topicKinds, { default: 'discussion' })) }),
    ReplyBody: Type.Object({ body }),
  };
}

export type TopicSummaryDto = Static<typeof TopicSummarySchema>;
export type TopicDto = Static<typeof TopicSchema>;
export type PostDto = Static<typeof PostSchema>;
