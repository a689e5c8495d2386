import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { sendCsv, type CsvColumn } from '../csv.ts';
import { WindowQuery } from '../period.ts';
import { loadResponsiveness } from './responsiveness.load.ts';
import type { GroupFigures, ResponseFigures } from './responsiveness.measures.ts';
import { errorResponses, ResponsivenessSchema, SlugParams, tags } from './responsiveness.schema.ts';
import type { PeriodFigures, ResponsivenessView } from './responsiveness.service.ts';
import { responsivenessPages } from './responsiveness.pages.tsx';

const figureColumns: Array<CsvColumn<ResponseFigures>> = [
  { header: 'questions', value: (r) => r.questions },
  { header: 'median_first_response_hours', value: (r) => r.medianFirstResponseHours },
  { header: 'p90_first_response_hours', value: (r) => r.p90FirstResponseHours },
  { header: 'median_accepted_hours', value: (r) => r.medianAcceptedHours },
  { header: 'p90_accepted_hours', value: (r) => r.p90AcceptedHours },
  { header: 'questions_over_48h', value: (r) => r.questionsOver48h },
  { header: 'unanswered_48h', value: (r) => r.unanswered48h },
  { header: 'unanswered_48h_share', value: (r) => r.unanswered48hShare },
];
const periodColumns = (name: string): Array<CsvColumn<PeriodFigures>> => [{ header: name, value: (r) => r.period }, ...figureColumns];
const groupColumns: Array<CsvColumn<GroupFigures>> = [{ header: 'group', value: (r) => r.group }, { header: 'askers', value: (r) => r.askers }, { header: 'withheld', value: (r) => String(r.withheld) }, ...figureColumns];

/** A CSV table: its columns and rows, typed together. */
const csv = <T,>(columns: Array<CsvColumn<T>>, rows: readonly T[]) => ({ columns: columns as Array<CsvColumn<never>>, rows });

/** The responsiveness page, its API and CSV downloads (docs/analytics/responsiveness.md). */
export async function responsivenessRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/communities/:slug/health/responsiveness',
    { schema: { tags, summary: 'How quickly a community answers its questions: time to first response and accepted answer (median, p90), questions unanswered after 48 hours, by week, month and asker group', params: SlugParams, querystring: WindowQuery, response: { 200: ResponsivenessSchema, ...errorResponses(400, 404) } } },
    async (req) => {
      const { scope, refreshedAt, window, view } = await loadResponsiveness(deps, req, req.params.slug, req.query.months);
      return { community: { slug: scope.community.slug, name: scope.community.name }, months: window.months, refreshedAt, individuals: scope.individuals, headline: view.headline, weeks: view.weeks, monthly: view.months, byTenure: view.groups.tenure, byDiscipline: view.groups.discipline };
    },
  );

  await responsivenessPages(app, deps);

  const tables: Record<string, (v: ResponsivenessView) => { columns: Array<CsvColumn<never>>; rows: readonly unknown[] }> = {
    weeks: (v) => csv(periodColumns('week'), v.weeks),
    months: (v) => csv(periodColumns('month'), v.months),
    'by-tenure': (v) => csv(groupColumns, v.groups.tenure),
    'by-discipline': (v) => csv(groupColumns, v.groups.discipline),
  };
  for (const [table, pick] of Object.entries(tables)) {
    r.get(`/c/:slug/health/responsiveness/${table}.csv`, { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
      const { scope, view } = await loadResponsiveness(deps, req, req.params.slug, req.query.months);
      const { columns, rows } = pick(view);
      return sendCsv(reply, `${scope.community.slug}-responsiveness-${table}`, columns, rows as never[]);
    });
  }
}
