import { Type } from '@sinclair/typebox';
import { AuthorSchema, StringEnum } from '../../discussions/discussions.schema.ts';
import { settingLimits, type KnowledgeSettings } from './knowledge-settings.store.ts';
import { articleStates, type ArticleState } from './lifecycle.rules.ts';
import type { LifecycleView } from './lifecycle.read.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every lifecycle API route. */
export const tags = ['articles'];

export const StateSchema = StringEnum<ArticleState>(articleStates, { description: 'Lifecycle state of an article.' });
export const ArticleIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const Ref = Type.Object({ id: Type.Integer(), title: Type.String() });
const Reason = Type.String({ maxLength: 500, description: 'Why (required to archive and to flag for review).' });

export const TransitionBody = Type.Object(
  { to: StateSchema, reason: Type.Optional(Reason), successorId: Type.Optional(Type.Integer({ minimum: 1, description: 'The replacing article (required when to = superseded).' })) },
  { additionalProperties: false },
);
export const EndorseBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const LifecycleSchema = Type.Object({
  articleId: Type.Integer(),
  state: StateSchema,
  reviewedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Last endorsement or re-confirmation.' }),
  reviewDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When an endorsed article needs review.' }),
  successor: Type.Union([Ref, Type.Null()]),
  supersedes: Type.Array(Ref),
  endorsementsRequired: Type.Integer(),
  stewardEndorsement: Type.Boolean(),
  transitions: Type.Array(
    Type.Object({
      from: StateSchema,
      to: StateSchema,
      actor: Type.Union([AuthorSchema, Type.Null()], { description: 'null = the system (review interval).' }),
      reason: Type.String(),
      successor: Type.Union([Ref, Type.Null()]),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  endorsements: Type.Array(Type.Object({ user: AuthorSchema, note: Type.String(), at: Type.String({ format: 'date-time' }), current: Type.Boolean({ description: 'Counts in the present round.' }) })),
  viewer: Type.Object({
    transitions: Type.Array(StateSchema, { description: 'States you may move it to now.' }),
    mayEndorse: Type.Boolean(),
    hasEndorsed: Type.Boolean(),
    mayDelete: Type.Boolean(),
  }),
});

const range = (k: keyof typeof settingLimits, description: string) => Type.Integer({ minimum: settingLimits[k].min, maximum: settingLimits[k].max, description });
export const SettingsSchema = Type.Object(
  {
    wikiDefault: Type.Boolean({ description: 'New articles start with wiki editing on.' }),
    membersEditAll: Type.Boolean({ description: 'Any member may edit every article.' }),
    stewardEndorsement: Type.Boolean({ description: 'A steward’s endorsement endorses at once.' }),
    endorsementsRequired: range('endorsementsRequired', 'Endorsements by members with expertise that endorse an article.'),
    reviewIntervalDays: range('reviewIntervalDays', 'Days until an endorsed article needs review.'),
  },
  { additionalProperties: false },
);

/** The API shape of a lifecycle view. */
export function lifecycleDto(v: LifecycleView) {
  return {
    articleId: v.row.id,
    state: v.row.state,
    reviewedAt: v.row.reviewedAt,
    reviewDueAt: v.row.reviewDueAt,
    successor: v.successor,
    supersedes: v.supersedes,
    endorsementsRequired: v.settings.endorsementsRequired,
    stewardEndorsement: v.settings.stewardEndorsement,
    transitions: v.transitions.map((t) => ({ from: t.from, to: t.to, actor: t.actor, reason: t.reason, successor: t.successor, at: t.at })),
    endorsements: v.endorsements.map((e) => ({ user: e.user, note: e.note, at: e.at, current: e.current })),
    viewer: { transitions: v.viewer.transitions, mayEndorse: v.viewer.mayEndorse, hasEndorsed: v.viewer.hasEndorsed, mayDelete: v.viewer.mayDelete },
  };
}

/** The API shape of knowledge settings. */
export const settingsDto = (s: KnowledgeSettings) => ({ ...s });
