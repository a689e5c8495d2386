import { Type, type TObject, type TProperties } from '@sinclair/typebox';
import { LEVELS, PLACES } from './levels.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of every health API route. */
export const tags = ['health'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const Int = (description: string) => Type.Integer({ description });
const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const levelsOf = <T extends TProperties[string]>(make: (l: string) => T): TObject => Type.Object(Object.fromEntries(LEVELS.map((l) => [l, make(l)])));

const Frame = {
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  months: Type.Array(Type.String(), { description: 'The window, oldest month first (YYYY-MM).' }),
  refreshedAt: Type.String({ format: 'date-time', description: 'When the rollups were last brought up to date.' }),
  individuals: Type.Boolean({ description: 'True for stewards and organisation admins, who also see named members.' }),
};

const Day = Type.Object({
  day: Type.String({ description: 'YYYY-MM-DD (UTC).' }),
  activeMembers: Int('People who did anything in the community that day.'),
  contributors: Int('People who contributed that day.'),
  contributions: Int('Questions, answers, replies, discussions, comments, articles and events hosted.'),
  posts: Int('Topics opened, replies and answers.'),
  questions: Int('Questions asked.'),
  answers: Int('Answers posted.'),
  articles: Int('Articles created.'),
  events: Int('Events hosted (event.created).'),
  joins: Int('People who joined.'),
});
const Week = Type.Object({ week: Type.String({ description: 'The Monday of the ISO week (YYYY-MM-DD).' }), activeMembers: Int('Distinct people who acted that week.'), contributors: Int('Distinct people who contributed that week.') });
const Month = Type.Object({
  month: Type.String(),
  members: Int('Person members at the end of the month.'),
  newMembers: Int('People who joined that month.'),
  activeMembers: Int('Distinct people who acted that month.'),
  contributors: Int('Distinct people who contributed that month.'),
  contributions: Int('All contributions.'),
  posts: Int('Topics opened, replies and answers.'),
  questions: Int('Questions asked.'),
  answers: Int('Answers posted.'),
  replies: Int('Replies and discussions opened.'),
  articles: Int('Articles created.'),
  comments: Int('Comments.'),
  events: Int('Events hosted.'),
});
const GapSchema = Type.Object({ from: Type.String({ description: 'Last day with a contribution before the gap.' }), to: Type.String({ description: 'Next day with a contribution, or today when open.' }), days: Int('Length in days.'), open: Type.Boolean({ description: 'Still running: no contribution since `from`.' }) });

export const ActivitySchema = Type.Object({
  ...Frame,
  days: Type.Array(Day),
  weeks: Type.Array(Week),
  monthly: Type.Array(Month),
  rhythm: Type.Object({
    activeDays: Int('Days with at least one contribution in the window.'),
    usualGapDays: Type.Union([Type.Number(), Type.Null()], { description: 'Median gap in days between consecutive days with a contribution; null with fewer than two.' }),
    factor: Type.Number({ description: 'A gap longer than factor × usual is flagged.' }),
    longGaps: Type.Array(GapSchema),
  }),
});

const Member = Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String(), level: Type.String({ enum: [...LEVELS] }), contributions: Int('Contributions over the trailing 3 months.') });

export const ParticipationSchema = Type.Object({
  ...Frame,
  month: Type.String({ description: 'The month the flows and named lists are for (the window’s last).' }),
  levels: Type.Array(
    Type.Object({
      month: Type.String(),
      members: Int('Person members at the end of the month.'),
      levels: levelsOf((l) => Int(`People at the ${l} level (trailing 3 months).`)),
      inactive: Int('Members with no activity in the trailing 3 months.'),
      shares: Type.Object({ ...levelsOf((l) => Share(`Share at the ${l} level.`)).properties, inactive: Share('Share of inactive members.') }, { description: 'Of placed people plus inactive members.' }),
      movedInward: Int('People whose level moved toward the core since the month before.'),
      held: Int('People at the same level as the month before.'),
      movedOutward: Int('People whose level moved outward (or who stopped acting).'),
    }),
  ),
  flows: Type.Array(Type.Object({ from: Type.String({ enum: [...PLACES] }), to: Type.String({ enum: [...PLACES] }), members: Type.Integer() }), { description: 'Level changes from the month before into `month`; none = no activity in the trailing 3 months.' }),
  inequality: Type.Array(
    Type.Object({
      month: Type.String(),
      population: Int('Person members at the end of the month plus non-members who contributed (trailing 3 months).'),
      gini: Share('Gini coefficient of contributions over the population, members with none included.'),
      top1Share: Share('Share of contributions made by the top 1% of the population.'),
      next9Share: Share('Share made by the next 9%.'),
      restShare: Share('Share made by the other 90%.'),
      zeroShare: Share('Share of the population who made none.'),
      absenceFactor: Int('Fewest people who together made half the contributions.'),
    }),
  ),
  members: Type.Union([Type.Object(Object.fromEntries(LEVELS.map((l) => [l, Type.Array(Member)]))), Type.Null()], { description: 'Stewards and organisation admins only: named people per level (up to 100 each). Null for everyone else.' }),
  absence: Type.Union([Type.Array(Member), Type.Null()], { description: 'Stewards and organisation admins only: the people who make up the absence factor. Null for everyone else.' }),
});
