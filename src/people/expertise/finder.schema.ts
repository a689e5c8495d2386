import { Type } from '@sinclair/typebox';
import { pageInfo } from '../../core/http/pagination.ts';
import { StringEnum } from '../../discussions/discussions.schema.ts';

const mentoring = ['open', 'limited', 'available'] as const;

/** The finder's query (API). */
export const FinderQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Free text: names, headline, discipline, interests, “ask me about”, and skills or tags spelled like it.' })),
  skill: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'A skill or tag; normalised like topic tags.' })),
  community: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Slug: only its members, and only evidence from it.' })),
  location: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the location (where the member shows it).' })),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'An IANA time zone, e.g. Europe/Lisbon.' })),
  utcOffsetMin: Type.Optional(Type.Number({ minimum: -12, maximum: 14, description: 'Lowest UTC offset in hours (now).' })),
  utcOffsetMax: Type.Optional(Type.Number({ minimum: -12, maximum: 14, description: 'Highest UTC offset in hours (now).' })),
  mentoring: Type.Optional(StringEnum(mentoring, { description: 'open, limited, or available (= open or limited).' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ExpertSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  headline: Nullable(Type.String()),
  location: Nullable(Type.String()),
  timeZone: Nullable(Type.String()),
  mentoringAvailability: Nullable(Type.String()),
  score: Type.Number({ description: 'Demonstrated expertise in the searched tags + declared-skill points + text points.' }),
  reasons: Type.Array(Type.Object({ kind: StringEnum(['declared', 'demonstrated', 'text'] as const), label: Type.String(), url: Nullable(Type.String()) }), { description: 'Why this person matched.' }),
});

export const ExpertListSchema = Type.Object({ items: Type.Array(ExpertSchema), ...pageInfo });
