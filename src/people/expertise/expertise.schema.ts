import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../../core/http/pagination.ts';
import { StringEnum } from '../../discussions/discussions.schema.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** OpenAPI tags of the expertise and recognition routes. */
export const tags = ['people'];

export const UsernameParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });
export const ExpertiseQuery = Type.Object({ tag: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Only this tag (with its full evidence).' })) });

const kinds = ['accepted_answer', 'answer_votes', 'question_votes', 'endorsed_article', 'applied'] as const;

export const EvidenceSchema = Type.Object({
  kind: StringEnum(kinds, { description: 'What the evidence is.' }),
  label: Type.String(),
  subjectType: StringEnum(['post', 'article'] as const),
  subjectId: Type.Integer(),
  title: Type.String({ description: 'The question’s or article’s title.' }),
  url: Type.String({ description: 'Path of the answer or article.' }),
  community: Type.String({ description: 'Slug of the community it happened in.' }),
  at: Type.String({ format: 'date-time' }),
  weight: Type.Number({ description: 'Weight before decay.' }),
  decayedWeight: Type.Number({ description: 'Weight after recency decay: weight × 0.5^(age days / half-life).' }),
});

export const TagExpertiseSchema = Type.Object({
  tag: Type.String(),
  score: Type.Number({ description: 'Sum of the decayed weights of the evidence carrying this tag.' }),
  communities: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), score: Type.Number() })),
  evidence: Type.Array(EvidenceSchema, { description: 'The strongest evidence first.' }),
  evidenceCount: Type.Integer(),
});

export const ExpertiseResponse = Type.Object({
  username: Type.String(),
  halfLifeDays: Type.Integer(),
  items: Type.Array(TagExpertiseSchema, { description: 'Only evidence from communities you may read.' }),
});

export const BadgeSchema = Type.Object({ badge: Type.String(), name: Type.String(), description: Type.String(), awardedAt: Type.String({ format: 'date-time' }) });

export const RecognitionResponse = Type.Object({
  username: Type.String(),
  reputation: Type.Integer({ description: 'Points in the communities you may read.' }),
  communities: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), reputation: Type.Integer() })),
  badges: Type.Array(BadgeSchema),
});

export const LeaderboardQuery = PageQuery;
export const LeaderboardEntrySchema = Type.Object({
  rank: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  reputation: Type.Integer(),
});
export const LeaderboardResponse = Type.Object({ community: Type.String(), items: Type.Array(LeaderboardEntrySchema), ...pageInfo });
export const LeaderboardSettings = Type.Object({ leaderboardEnabled: Type.Boolean() });
