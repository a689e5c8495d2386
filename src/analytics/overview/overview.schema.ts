import { Type } from '@sinclair/typebox';
import { STAGES } from './stage.ts';

export { errorResponses } from '../../core/http/schemas.ts';
export const tags = ['health'];
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const N = (description: string) => Type.Number({ description });
const NullN = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });
const StageT = Type.Union(STAGES.map((s) => Type.Literal(s)), { description: 'Lifecycle stage (Wenger, McDermott & Snyder 2002).' });
const SignalT = Type.Object({ key: Type.String(), text: Type.String() }, { description: 'A warning sign and the figure that raised it.' });

const MonthT = Type.Object({
  month: Type.String(),
  members: N('Person members at the end of the month.'),
  newMembers: N('People who joined.'),
  activeMembers: N('People who did anything.'),
  contributors: N('People who contributed.'),
  core: N('People at the core level (trailing three months).'),
  contributions: N('Contributions.'),
  gini: N('Gini of contributions, trailing three months.'),
  absenceFactor: N('Fewest people making half the contributions, trailing three months.'),
  articlesCreated: N('Articles written.'),
  reuseEvents: N('Article views, links to articles and "I applied this".'),
  newcomerShare: NullN('Share of active people who joined less than 90 days before.'),
  retention90: NullN('Share of the month’s joiners active 90–179 days after joining (null until measurable).'),
  questions: N('Questions asked.'),
  medianFirstResponseHours: NullN('Median hours to a first response.'),
  unanswered48hShare: NullN('Share of questions without a response within 48 hours.'),
});

export const OverviewSchema = Type.Object({
  community: Type.Object({ slug: Type.String(), name: Type.String(), domainStatement: Type.String(), sponsor: Type.String(), formality: Type.String(), visibility: Type.String() }),
  months: Type.Array(Type.String(), { description: 'The window, oldest month first.' }),
  refreshedAt: Type.String({ format: 'date-time' }),
  individuals: Type.Boolean(),
  stage: Type.Object({
    month: Type.String(),
    stage: StageT,
    reason: Type.String({ description: 'The rule that decided.' }),
    summary: Type.String(),
    playbook: Type.Array(Type.String(), { description: 'What stewards can do at this stage.' }),
    evidence: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), value: Type.String(), decisive: Type.Boolean() })),
  }),
  history: Type.Array(Type.Object({ month: Type.String(), stage: StageT })),
  signals: Type.Array(SignalT),
  atRiskTags: N('Tags whose expertise rests with people gone quiet.'),
  dueForReview: N('Endorsed practices due for review within 30 days or overdue.'),
  valueStories: N('Value-creation stories recorded in the window.'),
  series: Type.Array(MonthT),
});

export const OrganisationSchema = Type.Object({
  refreshedAt: Type.String({ format: 'date-time' }),
  communities: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      visibility: Type.String(),
      memberCount: N('Members now.'),
      stage: Type.Union([StageT, Type.Null()], { description: 'Null until the refresh has estimated it.' }),
      stageMonth: Type.Union([Type.String(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
      activeMembers: NullN('Active people in the month of the estimate.'),
      growth: NullN('Member growth over three months (fraction).'),
      core: NullN('Core members (three-month average).'),
      medianFirstResponseHours: NullN('Median hours to a first response.'),
      atRiskTags: NullN('Tags at risk.'),
      signals: Type.Array(SignalT),
    }),
  ),
  spanners: Type.Array(Type.Object({ username: Type.String(), displayName: Type.String(), communities: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })) }), { description: 'Boundary spanners: strong ties into two or more communities you can read (from the member network, when it has been computed).' }),
});
