import { Type } from '@sinclair/typebox';
import { CONCENTRATION_SHARE, DUE_WITHIN_DAYS, MIN_EVIDENCE, QUIET_DAYS } from './knowledge.measures.ts';
import type { KnowledgeHealth } from './knowledge.service.ts';

export { errorResponses } from '../../core/http/schemas.ts';

/** The OpenAPI tag of the health API routes. */
export const tags = ['health'];

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

const Person = Type.Object({ username: Type.String(), displayName: Type.String() });
const Counts = {
  views: Type.Integer({ description: 'article.viewed: signed-in members, once per member per article per UTC day; the author’s own views left out.' }),
  links: Type.Integer({ description: 'Links to the community’s articles recorded that month (from any post or article).' }),
  applied: Type.Integer({ description: '"I applied this" on its articles: members, once per member and article per month.' }),
  reuseEvents: Type.Integer({ description: 'views + links + applied.' }),
};

export const KnowledgeSchema = Type.Object({
  community: Type.Object({ slug: Type.String(), name: Type.String() }),
  months: Type.Array(Type.String(), { description: 'The window, oldest first (YYYY-MM).' }),
  refreshedAt: Type.String({ format: 'date-time', description: 'When the rollups were last brought up to date.' }),
  individuals: Type.Boolean({ description: 'True for stewards and organisation admins: experts and apprentices are named.' }),
  rules: Type.Object({
    concentrationShare: Type.Number({ description: 'A tag is concentrated when its top one or two members hold at least this share of its demonstrated expertise…' }),
    minEvidence: Type.Integer({ description: '…over at least this many evidence items.' }),
    quietDays: Type.Integer({ description: 'At risk when all its experts have not acted in the community (views aside) for this many days.' }),
    dueWithinDays: Type.Integer({ description: 'Endorsed articles due for review within this many days (or past) are listed.' }),
  }),
  monthly: Type.Array(Type.Object({ month: Type.String(), articlesCreated: Type.Integer({ description: 'article.created, plus articles created by a knowledge import.' }), ...Counts })),
  totals: Type.Object({ articlesCreated: Type.Integer(), ...Counts }),
  mostReused: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), state: Type.String(), url: Type.String(), ...Counts }), { description: 'Up to 10 articles with the most reuse events in the window.' }),
  dueForReview: Type.Array(
    Type.Object({ id: Type.Integer(), title: Type.String(), state: Type.String(), url: Type.String(), reviewDueAt: Type.Union([Type.String(), Type.Null()]), overdue: Type.Boolean({ description: 'Due date past, or already flagged for review.' }), owners: Type.Array(Person) }),
    { description: 'Endorsed articles due for review soon or past, and articles flagged for review; soonest first (up to 200).' },
  ),
  atRisk: Type.Array(
    Type.Object({
      tag: Type.String(),
      share: Type.Number({ description: 'Share of the tag’s demonstrated expertise its experts hold (0–1).' }),
      experts: Type.Integer({ description: 'How many members hold it (1 or 2).' }),
      evidence: Type.Integer({ description: 'Evidence items in the tag.' }),
      holders: Type.Integer({ description: 'Members with any demonstrated expertise in the tag.' }),
      quietDays: Type.Union([Type.Integer(), Type.Null()], { description: 'Days since any of the experts last acted in the community; null when none ever did.' }),
      people: Type.Optional(
        Type.Object(
          {
            experts: Type.Array(Type.Object({ ...Person.properties, lastActAt: Type.Union([Type.String(), Type.Null()]) })),
            apprentices: Type.Array(Type.Object({ ...Person.properties, evidenceScore: Type.Number(), recentAnswers: Type.Integer(), recentQuestions: Type.Integer() }), { description: 'Active members who could learn the tag, best first (up to 5).' }),
          },
          { description: 'Stewards and organisation admins only.' },
        ),
      ),
    }),
    { description: 'Tags whose demonstrated expertise sits with one or two members who have all gone quiet.' },
  ),
  concentratedTags: Type.Integer({ description: 'Tags whose expertise is concentrated (at risk or not).' }),
});

const articleUrl = (slug: string, id: number) => `/c/${slug}/a/${id}`;

/** The API shape of the knowledge health of a community. */
export function knowledgeDto(frame: { community: { slug: string; name: string }; months: string[]; refreshedAt: string; individuals: boolean }, k: KnowledgeHealth) {
  const slug = frame.community.slug;
  return {
    ...frame,
    rules: { concentrationShare: CONCENTRATION_SHARE, minEvidence: MIN_EVIDENCE, quietDays: QUIET_DAYS, dueWithinDays: DUE_WITHIN_DAYS },
    monthly: k.months,
    totals: k.totals,
    mostReused: k.mostReused.map((a) => ({ id: a.id, title: a.title, state: a.state, url: articleUrl(slug, a.id), views: a.views, links: a.links, applied: a.applied, reuseEvents: a.reuse })),
    dueForReview: k.dueForReview.map((d) => ({ ...d, url: articleUrl(slug, d.id) })),
    atRisk: k.atRisk,
    concentratedTags: k.concentratedTags,
  };
}
export type KnowledgeDto = ReturnType<typeof knowledgeDto>;
