import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { StringEnum } from '../../discussions/discussions.schema.ts';
import type { FieldVisibility, MentoringAvailability, SkillLevel } from '../../core/db/tables/profiles.ts';
import { PageQuery } from '../../core/http/pagination.ts';
import { PRIVATE_FIELDS } from './privacy.ts';

/** An optional profile field: null when its owner hid it from the caller (see docs/people/profiles.md). */
export const Private = <T extends TSchema>(t: T, description?: string) => Type.Union([t, Type.Null()], description ? { description } : {});

export const LIMITS = { headline: 120, orgUnit: 120, interests: 500, askMeAbout: 500, language: 40, languages: 10, skill: 60, skills: 50 } as const;

export const skillLevels = ['learning', 'practising', 'expert'] as const satisfies readonly SkillLevel[];
export const SkillLevelSchema = StringEnum<SkillLevel>(skillLevels, { description: 'learning, practising or expert' });
export const availabilities = ['not_available', 'open', 'limited'] as const satisfies readonly MentoringAvailability[];
export const AvailabilitySchema = StringEnum<MentoringAvailability>(availabilities, { description: 'Mentoring: not_available, open or limited' });
export const visibilities = ['everyone', 'members', 'only_me'] as const satisfies readonly FieldVisibility[];
export const VisibilitySchema = StringEnum<FieldVisibility>(visibilities, { description: "everyone; members (signed-in people of the organisation); only_me" });

export const SkillView = Type.Object({
  skill: Type.String(),
  skillKey: Type.String({ description: 'Normalised like topic tags' }),
  level: SkillLevelSchema,
  endorsements: Type.Integer({ description: 'Members who vouch for it' }),
  endorsedByYou: Type.Boolean(),
});
export type SkillView = Static<typeof SkillView>;

export const ContributionCounts = Type.Object(
  { topics: Type.Integer(), answers: Type.Integer(), acceptedAnswers: Type.Integer(), articles: Type.Integer() },
  { description: 'Only in communities the caller may read; deleted posts not counted' },
);

const ContributionItem = Type.Object({ title: Type.String(), href: Type.String({ description: 'Path of the topic, answer or article' }), at: Type.String(), community: Type.String() });
export const ContributionsSchema = Type.Object({
  counts: ContributionCounts,
  topics: Type.Array(ContributionItem, { description: 'Latest five' }),
  answers: Type.Array(ContributionItem),
  acceptedAnswers: Type.Array(ContributionItem),
  articles: Type.Array(ContributionItem),
});

/** What a profile adds to the person summary; hidden fields are null. */
export const ProfileDetails = Type.Object({
  bio: Private(Type.String()),
  timeZone: Private(Type.String()),
  orgUnit: Private(Type.String(), 'Organisation unit'),
  languages: Private(Type.Array(Type.String())),
  interests: Private(Type.String()),
  askMeAbout: Private(Type.String()),
  mentoringAvailability: Private(AvailabilitySchema),
  skills: Private(Type.Array(SkillView), 'Declared skills, expert first'),
  followers: Type.Integer(),
  following: Type.Integer(),
  followedByYou: Type.Union([Type.Boolean(), Type.Null()], { description: 'null for anonymous callers' }),
  contributions: ContributionCounts,
});

const privacyProps = Object.fromEntries(PRIVATE_FIELDS.map((f) => [f, Type.Optional(VisibilitySchema)]));
export const PrivacySchema = Type.Object(privacyProps, { additionalProperties: false, description: 'Who may see each optional field' });

export const SkillInput = Type.Object({ skill: Type.String({ minLength: 1, maxLength: LIMITS.skill }), level: SkillLevelSchema }, { additionalProperties: false });
export type SkillInput = Static<typeof SkillInput>;

/** PATCH /api/v1/me/profile: only the fields sent change. */
export const ProfilePatchBody = Type.Object(
  {
    headline: Type.Optional(Type.String({ maxLength: LIMITS.headline })),
    orgUnit: Type.Optional(Type.String({ maxLength: LIMITS.orgUnit })),
    languages: Type.Optional(Type.Array(Type.String({ maxLength: LIMITS.language }), { maxItems: LIMITS.languages, description: 'Language names or codes (en, fr-CA, Deutsch)' })),
    interests: Type.Optional(Type.String({ maxLength: LIMITS.interests })),
    askMeAbout: Type.Optional(Type.String({ maxLength: LIMITS.askMeAbout })),
    mentoringAvailability: Type.Optional(AvailabilitySchema),
    privacy: Type.Optional(PrivacySchema),
  },
  { additionalProperties: false },
);
export type ProfilePatchBody = Static<typeof ProfilePatchBody>;

/** The caller's own professional profile, as they edit it. */
export const MyProfile = Type.Object({
  headline: Type.String(),
  orgUnit: Type.String(),
  languages: Type.Array(Type.String()),
  interests: Type.String(),
  askMeAbout: Type.String(),
  mentoringAvailability: AvailabilitySchema,
  privacy: Type.Object(Object.fromEntries(PRIVATE_FIELDS.map((f) => [f, VisibilitySchema]))),
  skills: Type.Array(Type.Object({ skill: Type.String(), skillKey: Type.String(), level: SkillLevelSchema })),
});
export type MyProfile = Static<typeof MyProfile>;

export const SkillsBody = Type.Object({ skills: Type.Array(SkillInput, { maxItems: 1000, description: `At most ${LIMITS.skills}` }) }, { additionalProperties: false });
export const SkillKeyParams = Type.Object({ skillKey: Type.String({ minLength: 1, maxLength: 100 }) });
export const UserSkillParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), skillKey: Type.String({ minLength: 1, maxLength: 100 }) });

export const FollowPerson = Type.Object({ username: Type.String(), displayName: Type.String(), headline: Private(Type.String()), since: Type.String() });
export const FollowPage = Type.Object({ items: Type.Array(FollowPerson), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type FollowPage = Static<typeof FollowPage>;
export const FollowQuery = Type.Object({ ...PageQuery.properties });
export const FollowState = Type.Object({ following: Type.Boolean(), followers: Type.Integer() });
