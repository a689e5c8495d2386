import { Type } from '@sinclair/typebox';
import type { Config } from '../../core/config.ts';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import { AuthorSchema, StringEnum, TagSchema } from '../../discussions/discussions.schema.ts';
import { articleTypes, type Article, type ArticleType } from './articles.store.ts';
import { articleStates, type ArticleState } from '../lifecycle/lifecycle.rules.ts';
import { parseStory } from '../stories/story-template.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every articles API route. */
export const tags = ['articles'];

export const ArticleTypeSchema = StringEnum<ArticleType>(articleTypes, { description: 'The kind of article.' });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const ArticleIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const RestoreParams = Type.Object({ id: Type.Integer({ minimum: 1 }), rev: Type.Integer({ minimum: 1 }) });
export const OwnerParams = Type.Object({ id: Type.Integer({ minimum: 1 }), username: Type.String({ minLength: 1, maxLength: 40 }) });
export const ArticleListQuery = Type.Object({ ...PageQuery.properties, type: Type.Optional(ArticleTypeSchema), tag: Type.Optional(TagSchema), state: Type.Optional(StringEnum<ArticleState>(articleStates, { description: 'Only articles in this lifecycle state; without it superseded and archived ones are left out.' })) });

const storyParts = {
  context: Type.String({ description: 'Context: where and when, who was involved.' }),
  challenge: Type.String({ description: 'Challenge: what was hard or at stake.' }),
  actions: Type.String({ description: 'What we did.' }),
  outcome: Type.String({ description: 'What happened.' }),
  lesson: Type.String({ description: 'Lesson.' }),
};
/** A story's five sections, parsed from its body (null when not a story or the body no longer follows the template). */
export const StorySectionsSchema = Type.Union([Type.Object(storyParts), Type.Null()], { description: 'A story’s sections, parsed from its body under fixed headings; null for other types or a body edited out of the template.' });
/** Story sections in a request; each is required (checked by the handler so the 400 names story.<section>). */
const StoryInput = Type.Object(
  Object.fromEntries(Object.entries(storyParts).map(([k, v]) => [k, Type.Optional(Type.String({ description: v.description }))])),
  { additionalProperties: false, description: 'For type story instead of body: the sections are composed into the body under fixed headings (## Context, ## Challenge, ## What we did, ## What happened, ## Lesson).' },
);

export const ArticleSchema = Type.Object({
  id: Type.Integer(),
  community: Type.String({ description: 'The slug of its community.' }),
  type: ArticleTypeSchema,
  title: Type.String(),
  body: Type.String({ description: 'Markdown source.' }),
  bodyHtml: Type.String(),
  state: Type.String({ description: 'Lifecycle state (draft by default).' }),
  wiki: Type.Boolean({ description: 'When true any member may edit.' }),
  revision: Type.Integer({ description: 'The current version number (1 = as first written).' }),
  author: AuthorSchema,
  owners: Type.Array(AuthorSchema),
  tags: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  editedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  story: StorySectionsSchema,
});
export const ArticleListSchema = Type.Object({ items: Type.Array(ArticleSchema), ...pageInfo });

const Change = Type.Object({ before: Type.String(), after: Type.String(), diff: Type.Array(Type.Object({ op: StringEnum(['same', 'added', 'removed'] as const), text: Type.String() })) });
export const RevisionsSchema = Type.Object({
  articleId: Type.Integer(),
  items: Type.Array(
    Type.Object({
      revision: Type.Integer({ description: 'This edit replaced stored version n with the next one.' }),
      editor: AuthorSchema,
      reason: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      title: Type.Union([Change, Type.Null()]),
      body: Change,
    }),
  ),
});

/** Request bodies whose limits come from configuration. */
export function articleBodies(limits: Config['limits']) {
  const title = Type.String({ minLength: 1, maxLength: limits.titleMax });
  const body = Type.String({ minLength: 1, maxLength: limits.bodyMax, description: 'Markdown; @username mentions a member.' });
  const tagList = Type.Array(TagSchema, { maxItems: limits.tagsMax });
  return {
    CreateArticleBody: Type.Object({ type: ArticleTypeSchema, title, body: Type.Optional(body), story: Type.Optional(StoryInput), tags: Type.Optional(tagList), wiki: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    EditArticleBody: Type.Object(
      { type: Type.Optional(ArticleTypeSchema), title: Type.Optional(title), body: Type.Optional(body), story: Type.Optional(StoryInput), tags: Type.Optional(tagList), wiki: Type.Optional(Type.Boolean()), reason: Type.Optional(Type.String({ maxLength: 300 })) },
      { additionalProperties: false },
    ),
  };
}

/** The API shape of an article. */
export function articleDto(a: Article, slug: string) {
  return {
    id: a.id, community: slug, type: a.type, title: a.title, body: a.body, bodyHtml: a.bodyHtml, state: a.state, wiki: a.wiki, revision: a.revision,
    author: a.author, owners: a.owners, tags: a.tags, createdAt: a.createdAt, updatedAt: a.updatedAt, editedAt: a.editedAt,
    story: a.type === 'story' ? parseStory(a.body) : null,
  };
}
