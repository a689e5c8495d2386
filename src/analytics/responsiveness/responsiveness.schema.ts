import { Type } from '@sinclair/typebox';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every health API route. */
export const tags = ['health'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const NullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

/** Figures of a set of questions (docs/analytics/responsiveness.md). */
export const FiguresSchema = Type.Object({
  questions: Type.Integer({ description: 'Questions asked by members (person accounts), deleted ones left out.' }),
  medianFirstResponseHours: NullableNumber('Median hours from asking to the first answer, reply or comment by someone else; null when none got one.'),
  p90FirstResponseHours: NullableNumber('90th percentile of the same.'),
  medianAcceptedHours: NullableNumber('Median hours from asking to the first accepted answer; null when none was accepted.'),
  p90AcceptedHours: NullableNumber('90th percentile of the same.'),
  questionsOver48h: Type.Integer({ description: 'Questions at least 48 hours old now.' }),
  unanswered48h: Type.Integer({ description: 'Of those, the ones without a response within 48 hours.' }),
  unanswered48hShare: NullableNumber('unanswered48h / questionsOver48h (0–1); null when no question is 48 hours old.'),
});

const PeriodSchema = Type.Object({ period: Type.String({ description: "A week's Monday (YYYY-MM-DD) or a month (YYYY-MM)." }), ...FiguresSchema.properties });

export const GroupSchema = Type.Object({
  group: Type.String(),
  askers: Type.Integer({ description: 'Distinct members who asked.' }),
  withheld: Type.Boolean({ description: 'Fewer than 3 askers: times and shares are not shown (null) to readers who are not stewards.' }),
  ...FiguresSchema.properties,
});

export const ResponsivenessSchema = Type.Object({
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  months: Type.Array(Type.String(), { description: 'The window, oldest month first.' }),
  refreshedAt: Type.String({ format: 'date-time', description: 'When the rollups were last brought up to date.' }),
  individuals: Type.Boolean({ description: 'True for stewards and organisation admins: small groups are not folded.' }),
  headline: FiguresSchema,
  weeks: Type.Array(PeriodSchema),
  monthly: Type.Array(PeriodSchema),
  byTenure: Type.Array(GroupSchema, { description: 'Newcomers (asked within 90 days of joining) vs established members.' }),
  byDiscipline: Type.Array(GroupSchema, { description: "By the asker's discipline; for non-stewards groups under 3 askers are folded into Other." }),
});
