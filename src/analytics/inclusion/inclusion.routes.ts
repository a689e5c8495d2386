import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { sendCsv, type CsvColumn } from '../csv.ts';
import { WindowQuery } from '../period.ts';
import type { GroupFigures } from '../responsiveness/responsiveness.measures.ts';
import { loadInclusion } from './inclusion.load.ts';
import type { CategoryFigures } from './inclusion.measures.ts';
import { inclusionPages } from './inclusion.pages.tsx';
import { errorResponses, InclusionSchema, inclusionDto, SlugParams, tags } from './inclusion.schema.ts';
import type { DimensionView, InclusionView, VoiceMonth } from './inclusion.service.ts';

const blauColumns: Array<CsvColumn<DimensionView>> = [
  { header: 'dimension', value: (d) => d.key },
  { header: 'members', value: (d) => d.members.total },
  { header: 'members_given', value: (d) => d.members.given },
  { header: 'members_blau', value: (d) => d.members.blau },
  { header: 'contributors', value: (d) => d.contributors.total },
  { header: 'contributors_given', value: (d) => d.contributors.given },
  { header: 'contributors_blau', value: (d) => d.contributors.blau },
  { header: 'blau_gap', value: (d) => d.blauGap },
];
type CategoryRow = CategoryFigures & { dimension: string };
const categoryColumns: Array<CsvColumn<CategoryRow>> = [
  { header: 'dimension', value: (c) => c.dimension },
  { header: 'category', value: (c) => c.label },
  { header: 'members', value: (c) => c.members },
  { header: 'member_share', value: (c) => c.memberShare },
  { header: 'contributors', value: (c) => c.contributors },
  { header: 'contributor_share', value: (c) => c.contributorShare },
  { header: 'ratio', value: (c) => c.ratio },
  { header: 'not_heard', value: (c) => (c.flagged ? 'yes' : 'no') },
];
const voiceColumns: Array<CsvColumn<VoiceMonth>> = [
  { header: 'month', value: (v) => v.month },
  { header: 'active', value: (v) => v.active },
  { header: 'newcomer_active', value: (v) => v.newcomerActive },
  { header: 'contributors', value: (v) => v.contributors },
  { header: 'newcomer_contributors', value: (v) => v.newcomerContributors },
  { header: 'contributions', value: (v) => v.contributions },
  { header: 'newcomer_contributions', value: (v) => v.newcomerContributions },
  { header: 'newcomer_active_share', value: (v) => v.activeShare },
  { header: 'newcomer_contribution_share', value: (v) => v.contributionShare },
  { header: 'voice_ratio', value: (v) => v.voiceRatio },
];
const groupColumns: Array<CsvColumn<GroupFigures>> = [
  { header: 'group', value: (g) => g.group },
  { header: 'askers', value: (g) => g.askers },
  { header: 'questions', value: (g) => g.questions },
  { header: 'withheld', value: (g) => (g.withheld ? 'yes' : 'no') },
  { header: 'median_first_response_hours', value: (g) => g.medianFirstResponseHours },
  { header: 'p90_first_response_hours', value: (g) => g.p90FirstResponseHours },
  { header: 'median_accepted_hours', value: (g) => g.medianAcceptedHours },
  { header: 'unanswered_48h_share', value: (g) => g.unanswered48hShare },
];

/** A CSV table: its columns and rows, typed together. */
const csv = <T,>(columns: Array<CsvColumn<T>>, rows: readonly T[]) => ({ columns: columns as Array<CsvColumn<never>>, rows });

/** The CSV downloads of the inclusion page, by file name. */
export const INCLUSION_TABLES: Record<string, (v: InclusionView) => { columns: Array<CsvColumn<never>>; rows: readonly unknown[] }> = {
  blau: (v) => csv(blauColumns, v.dimensions),
  categories: (v) => csv(categoryColumns, v.dimensions.flatMap((d) => d.categories.map((c) => ({ ...c, dimension: d.key })))),
  voice: (v) => csv(voiceColumns, v.voice),
  'response-by-tenure': (v) => csv(groupColumns, v.responseTimes.tenure),
  'response-by-discipline': (v) => csv(groupColumns, v.responseTimes.discipline),
};

/** The inclusion page, its API and CSV downloads (docs/analytics/inclusion.md). */
export async function inclusionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/communities/:slug/health/inclusion',
    {
      schema: {
        tags,
        summary: 'Inclusion and heterogeneity: Blau index over discipline, location, organisation unit and tenure for members and active contributors, who is not being heard, newcomer voice per month, response time by asker group',
        params: SlugParams,
        querystring: WindowQuery,
        response: { 200: InclusionSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => {
      const { scope, refreshedAt, window, view } = await loadInclusion(deps, req, req.params.slug, req.query.months);
      return { community: { slug: scope.community.slug, name: scope.community.name }, months: window.months, refreshedAt, individuals: scope.individuals, ...inclusionDto(view) };
    },
  );

  await inclusionPages(app, deps);

  for (const [table, pick] of Object.entries(INCLUSION_TABLES)) {
    r.get(`/c/:slug/health/inclusion/${table}.csv`, { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
      const { scope, view } = await loadInclusion(deps, req, req.params.slug, req.query.months);
      const { columns, rows } = pick(view);
      return sendCsv(reply, `${scope.community.slug}-inclusion-${table}`, columns, rows as never[]);
    });
  }
}
