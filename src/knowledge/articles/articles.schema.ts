import { Type } from '@sinclair/typebox';
import type { Config } from '../../core/config.ts';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import { AuthorSchema, StringEnum, TagSchema } from '../../discussions/discussions.schema.ts';
import { articleTypes, type Article, type ArticleType } from './articles.store.ts';
import { articleStates, type ArticleState } from '../lifecycle/lifecycle.rules.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every articles API route. */
export const tags = ['articles'];

export const ArticleTypeSchema = StringEnum<ArticleType>(articleTypes, { description: 'The kind of article.' });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const ArticleIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const RestoreParams = Type.Object({ id: Type.Integer({ minimum: 1 }), rev: Type.Integer({ minimum: 1 }) });
export const OwnerParams = Type.Object({ id: Type.Integer({ minimum: 1 }), username: Type.String({ minLength: 1, maxLength: 40 }) });
export const ArticleListQuery = Type.Object({ ...PageQuery.properties, type: Type.Optional(ArticleTypeSchema), tag: Type.Optional(TagSchema), state: Type.Optional(StringEnum<ArticleState>(articleStates, { description: 'Only articles in this lifecycle state; without it superseded and archived ones are left out.' })) });

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
    CreateArticleBody: Type.Object({ type: ArticleTypeSchema, title, body, tags: Type.Optional(tagList), wiki: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    EditArticleBody: Type.Object(
      { type: Type.Optional(ArticleTypeSchema), title: Type.Optional(title), body: Type.Optional(body), tags: Type.Optional(tagList), wiki: Type.Optional(Type.Boolean()), reason: Type.Optional(Type.String({ maxLength: 300 })) },
      { additionalProperties: false },
    ),
  };
}

/** The API shape of an article. */
export function articleDto(a: Article, slug: string) {
  return {
    id: a.id, community: slug, type: a.type, title: a.title, body: a.body, bodyHtml: a.bodyHtml, state: a.state, wiki: a.wiki, revision: a.revision,
    author: a.author, owners: a.owners, tags: a.tags, createdAt: a.createdAt, updatedAt: a.updatedAt, editedAt: a.editedAt,
  };
}
