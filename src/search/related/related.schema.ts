import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../discussions/discussions.schema.ts';
import { relatedMethods } from './query.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of the related routes. */
export const tags = ['related'];

export const TopicIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

export const RelatedQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10, description: 'How many, 1–50 (default 10).' })),
  method: Type.Optional(StringEnum(relatedMethods, { description: 'Ranking variant (see docs/related.md); default `phrase`.' })),
});

/** Body of the similar-questions check. Long or odd text is allowed: it is only used to rank. */
export const SimilarBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 1000, description: 'The title being typed (required).' }),
  body: Type.Optional(Type.String({ maxLength: 100_000 })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 })),
});

const ItemSchema = Type.Object({
  type: StringEnum(['topic', 'article'] as const),
  id: Type.Integer(),
  title: Type.String(),
  url: Type.String(),
  community: Type.String({ description: 'The slug of its community.' }),
  solved: Type.Boolean({ description: 'A question with an accepted answer.' }),
  reason: StringEnum(['duplicate', 'linked', 'similar'] as const, { description: '`duplicate`: marked as a duplicate of (or by) this topic; `linked`: a related link (e.g. imported); `similar`: found by the ranking.' }),
  score: Type.Number({ description: 'Relative ranking score (higher is closer; 0 for linked topics); not comparable across requests.' }),
});

export const RelatedSchema = Type.Object({ items: Type.Array(ItemSchema, { description: 'Best first; only what you may read.' }) });
