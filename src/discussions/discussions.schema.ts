import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../core/config.ts';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';

/** A string enum as JSON Schema `enum` (so errors read "must be one of: …" and OpenAPI lists the values). */
export function StringEnum<T extends string>(values: readonly T[], opts: { description?: string; default?: T } = {}) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...opts });
}

export const topicKinds = ['discussion', 'question'] as const;
export type TopicKind = (typeof topicKinds)[number];
export const TopicKindSchema = StringEnum<TopicKind>(topicKinds, { description: 'A discussion, or a question that wants answers.' });

export const postKinds = ['opening', 'reply', 'answer'] as const;
export type PostKind = (typeof postKinds)[number];

/** A tag: lower-case letters, digits and hyphens, starting with a letter or digit, at most 30 characters. */
export const TAG_PATTERN = '^[a-z0-9][a-z0-9-]{0,29}$';
export const TagSchema = Type.String({ pattern: TAG_PATTERN, maxLength: 30, description: 'Lower-case a-z, 0-9 and -, at most 30 characters.' });

export const AuthorSchema = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() });
export const CommunityRefSchema = Type.Object({ id: Type.Integer(), slug: Type.String(), name: Type.String() });

export const ReadStateSchema = Type.Union([
  Type.Null({ description: 'Anonymous callers have no read state.' }),
  Type.Object({
    opened: Type.Boolean({ description: 'Whether the caller has ever opened the topic.' }),
    newPosts: Type.Integer({ description: 'Posts by others since the caller last read it (all of them when never opened).' }),
  }),
]);

export const TopicSummarySchema = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer({ description: 'The home community: the topic lives (and is replied to) there.' }),
  community: CommunityRefSchema,
  kind: TopicKindSchema,
  title: Type.String(),
  tags: Type.Array(Type.String()),
  replyCount: Type.Integer({ description: 'Replies and answers, not counting the opening post or deleted posts.' }),
  answerCount: Type.Integer({ description: 'Answers to a question (0 for discussions).' }),
  acceptedPostId: Type.Union([Type.Integer(), Type.Null()]),
  solved: Type.Boolean({ description: 'A question with an accepted answer.' }),
  pinned: Type.Boolean(),
  locked: Type.Boolean(),
  closed: Type.Boolean(),
  lastPostedAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  author: AuthorSchema,
  readState: ReadStateSchema,
});

export const DeletionSchema = Type.Union([
  Type.Null(),
  Type.Object({ at: Type.String({ format: 'date-time' }), reason: Type.String(), by: Type.Union([AuthorSchema, Type.Null()]) }),
]);

export const SourceSchema = Type.Union([
  Type.Null(),
  Type.Object(
    { site: Type.String({ description: 'e.g. cardano.stackexchange.com' }), id: Type.Integer({ description: 'The id on that site.' }), url: Type.String({ description: 'The original page.' }) },
    { description: 'Where an imported item came from; null for what was written here.' },
  ),
]);

export const TopicSchema = Type.Object({
  ...TopicSummarySchema.properties,
  body: Type.String({ description: 'The opening post, Markdown source.' }),
  bodyHtml: Type.String({ description: 'The opening post rendered to safe HTML.' }),
  openingPostId: Type.Union([Type.Integer(), Type.Null()]),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  crosspostedTo: Type.Array(CommunityRefSchema, { description: 'Other communities whose lists show this topic (those the caller may read).' }),
  deleted: DeletionSchema,
  source: SourceSchema,
});

export const PostSchema = Type.Object({
  id: Type.Integer(),
  topicId: Type.Integer(),
  kind: StringEnum<PostKind>(postKinds),
  body: Type.String({ description: 'Markdown source (empty for a deleted post, except to moderators).' }),
  bodyHtml: Type.String({ description: 'Rendered, safe HTML of the body.' }),
  score: Type.Integer(),
  commentCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  author: AuthorSchema,
  deleted: DeletionSchema,
  source: SourceSchema,
});

export const TopicListSchema = Type.Object({ items: Type.Array(TopicSummarySchema), ...pageInfo });
export const PostListSchema = Type.Object({ items: Type.Array(PostSchema), ...pageInfo });

export const postSorts = ['votes', 'time'] as const;
export type PostSort = (typeof postSorts)[number];
export const PostListQuery = Type.Object({
  ...PageQuery.properties,
  sort: Type.Optional(StringEnum<PostSort>(postSorts, { description: 'Answers by score (then time) or by time; the accepted answer comes first either way.' })),
});

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const TopicIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const PostIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export { ErrorSchema, errorResponses } from '../core/http/schemas.ts';

const MARKDOWN = 'Markdown (no raw HTML); @username mentions a member.';

/** Body schemas whose limits come from configuration. Forms and the API share the text fields. */
export function discussionBodies(limits: Config['limits']) {
  const title = Type.String({ minLength: 1, maxLength: limits.titleMax, description: 'The topic title.' });
  const body = Type.String({ minLength: 1, maxLength: limits.bodyMax, description: MARKDOWN });
  const kind = Type.Optional(StringEnum<TopicKind>(topicKinds, { default: 'discussion' }));
  const slugs = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 10, description });
  const crossPostHint = 'Slugs of other communities (you are a member of) whose lists should show the topic too.';
  return {
    CreateTopicBody: Type.Object({
      title,
      body,
      kind,
      tags: Type.Optional(Type.Array(TagSchema, { maxItems: limits.tagsMax, description: `At most ${limits.tagsMax} tags.` })),
      crossPostTo: Type.Optional(slugs(crossPostHint)),
    }),
    /** The new-topic form: tags as one comma-separated text field, cross-posts as repeated checkboxes. */
    CreateTopicForm: Type.Object({
      title,
      body,
      kind,
      tags: Type.Optional(Type.String({ maxLength: 40 * limits.tagsMax })),
      crossPostTo: Type.Optional(slugs(crossPostHint)),
    }),
    ReplyBody: Type.Object({ body }),
    EditPostBody: Type.Object({
      title: Type.Optional(Type.String({ minLength: 1, maxLength: limits.titleMax, description: 'New topic title (opening posts only).' })),
      body: Type.Optional(body),
      tags: Type.Optional(Type.Array(TagSchema, { maxItems: limits.tagsMax, description: 'New tags (opening posts only).' })),
      reason: Type.Optional(Type.String({ maxLength: 300, description: 'Why it was edited, shown in the history.' })),
    }),
  };
}

export type TopicSummaryDto = Static<typeof TopicSummarySchema>;
export type TopicDto = Static<typeof TopicSchema>;
export type PostDto = Static<typeof PostSchema>;
export type ReadStateDto = Static<typeof ReadStateSchema>;
