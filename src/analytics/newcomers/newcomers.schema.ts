import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../discussions/discussions.schema.ts';
import { STEPS } from './newcomers.measures.ts';

/** The most named trajectories one API answer carries (the CSV has every one). */
export const API_TRAJECTORIES = 500;

const Nullable = (t: ReturnType<typeof Type.Number>, description: string) => Type.Union([t, Type.Null()], { description });
const Share = (description: string) => Nullable(Type.Number({ minimum: 0, maximum: 1 }), description);
const Days = (description: string) => Nullable(Type.Number({ minimum: 0 }), description);
const StepSchema = StringEnum([...STEPS], { description: 'A step of the trajectory: read → react → ask → reply → accepted → article → event → mentor.' });

export const NewcomersSchema = Type.Object({
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  months: Type.Array(Type.String(), { description: 'The window, oldest month first.' }),
  refreshedAt: Type.String({ format: 'date-time' }),
  individuals: Type.Boolean({ description: 'True for stewards and organisation admins, who also get named trajectories.' }),
  headline: Type.Object({
    newMembers: Type.Integer({ description: 'Members (person accounts) who joined in the window.' }),
    contributed: Type.Integer({ description: 'Of them, those who asked, replied, wrote an article or hosted an event.' }),
    medianDaysToFirstContribution: Days('Median days from joining to the first contribution, over those who made one.'),
    stalled: Type.Integer({ description: 'Newcomers with no new step for 60 days (and not yet mentoring).' }),
    retention30: Share('Of newcomers joined at least 60 days ago, the share active in days 30–59 after joining.'),
    retention90: Share('Of newcomers joined at least 180 days ago, the share active in days 90–179 after joining.'),
  }),
  funnel: Type.Array(
    Type.Object({
      step: StepSchema,
      reached: Type.Integer(),
      share: Share('reached / newMembers.'),
      medianDaysFromJoining: Days('Median days from joining to reaching this step.'),
      medianDaysFromPreviousStep: Days('Median days from the previous step, over those who reached both.'),
    }),
  ),
  stalls: Type.Array(Type.Object({ step: Type.Union([StepSchema, Type.Literal('joined')], { description: "The furthest step reached ('joined': none)." }), stalled: Type.Integer() })),
  cohorts: Type.Array(
    Type.Object({
      month: Type.String({ description: 'Join month.' }),
      joined: Type.Integer(),
      withheld30: Type.Optional(Type.Boolean({ description: 'True when the 30-day figure of fewer than 3 measurable newcomers was left out (readers who may not see individuals).' })),
      withheld90: Type.Optional(Type.Boolean({ description: 'The same for the 90-day figure.' })),
      eligible30: Type.Integer(),
      retained30: Type.Integer(),
      retention30: Share('retained30 / eligible30.'),
      eligible90: Type.Integer(),
      retained90: Type.Integer(),
      retention90: Share('retained90 / eligible90.'),
    }),
  ),
  monthly: Type.Array(
    Type.Object({
      month: Type.String(),
      newMembers: Type.Integer(),
      activeMembers: Type.Integer({ description: 'Members (person accounts) with any act that month.' }),
      newcomersActive: Type.Integer({ description: 'Of them, those who joined less than 90 days before the month began, or during it.' }),
      newcomerShare: Share('newcomersActive / activeMembers.'),
    }),
  ),
  trajectories: Type.Union(
    [
      Type.Array(
        Type.Object({
          member: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String() }),
          joinedAt: Type.String({ format: 'date-time' }),
          steps: Type.Object(Object.fromEntries(STEPS.map((s) => [s, Type.Optional(Type.String({ format: 'date-time' }))])), { description: 'When they first reached each step.' }),
          furthest: Type.Union([StepSchema, Type.Literal('joined')]),
          lastStepAt: Type.String({ format: 'date-time' }),
          stalled: Type.Boolean(),
          daysToFirstContribution: Days('Days from joining to the first contribution.'),
        }),
      ),
      Type.Null(),
    ],
    { description: `Each newcomer by name, newest joiner first, at most ${API_TRAJECTORIES} (stewards and organisation admins only; null for everyone else). trajectories.csv has them all.` },
  ),
  trajectoriesTotal: Type.Union([Type.Integer(), Type.Null()], { description: 'How many newcomers have a trajectory (null for readers who may not see them).' }),
});
