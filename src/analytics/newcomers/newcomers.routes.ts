import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound } from '../../core/http/errors.ts';
import { sendCsv, type CsvColumn } from '../csv.ts';
import { WindowQuery } from '../period.ts';
import { errorResponses, SlugParams, tags } from '../responsiveness/responsiveness.schema.ts';
import { STEPS } from './newcomers.measures.ts';
import { loadNewcomers } from './newcomers.load.ts';
import { newcomersPages } from './newcomers.pages.tsx';
import { API_TRAJECTORIES, NewcomersSchema } from './newcomers.schema.ts';
import type { Cohort, FunnelStep, NewcomerMonth, NewcomersView, Trajectory } from './newcomers.service.ts';

/** A CSV table: its columns and rows, typed together; `individual` tables are 404 for non-stewards. */
const csv = <T,>(columns: Array<CsvColumn<T>>, rows: readonly T[]) => ({ columns: columns as Array<CsvColumn<never>>, rows });

const tables: Record<string, { individual?: boolean; pick: (v: NewcomersView) => ReturnType<typeof csv> }> = {
  funnel: {
    pick: (v) =>
      csv<FunnelStep>(
        [
          { header: 'step', value: (r) => r.step },
          { header: 'reached', value: (r) => r.reached },
          { header: 'share', value: (r) => r.share },
          { header: 'median_days_from_joining', value: (r) => r.medianDaysFromJoining },
          { header: 'median_days_from_previous_step', value: (r) => r.medianDaysFromPreviousStep },
        ],
        v.funnel,
      ),
  },
  stalls: { pick: (v) => csv<{ step: string; stalled: number }>([{ header: 'furthest_step', value: (r) => r.step }, { header: 'stalled', value: (r) => r.stalled }], v.stalls) },
  cohorts: {
    pick: (v) =>
      csv<Cohort>(
        [
          { header: 'join_month', value: (r) => r.month },
          { header: 'joined', value: (r) => r.joined },
          { header: 'eligible_30', value: (r) => r.eligible30 },
          { header: 'retained_30', value: (r) => r.retained30 },
          { header: 'retention_30', value: (r) => r.retention30 },
          { header: 'eligible_90', value: (r) => r.eligible90 },
          { header: 'retained_90', value: (r) => r.retained90 },
          { header: 'retention_90', value: (r) => r.retention90 },
        ],
        v.cohorts,
      ),
  },
  months: {
    pick: (v) =>
      csv<NewcomerMonth>(
        [
          { header: 'month', value: (r) => r.month },
          { header: 'new_members', value: (r) => r.newMembers },
          { header: 'active_members', value: (r) => r.activeMembers },
          { header: 'newcomers_active', value: (r) => r.newcomersActive },
          { header: 'newcomer_share', value: (r) => r.newcomerShare },
        ],
        v.months,
      ),
  },
  trajectories: {
    individual: true,
    pick: (v) =>
      csv<Trajectory>(
        [
          { header: 'username', value: (r) => r.username },
          { header: 'display_name', value: (r) => r.displayName },
          { header: 'joined_at', value: (r) => r.joinedAt },
          ...STEPS.map((s) => ({ header: s, value: (r: Trajectory) => r.steps[s] ?? null })),
          { header: 'furthest_step', value: (r) => r.furthest },
          { header: 'stalled', value: (r) => String(r.stalled) },
          { header: 'days_to_first_contribution', value: (r) => r.daysToFirstContribution },
        ],
        v.trajectories ?? [],
      ),
  },
};

/** The newcomers page, its API and CSV downloads (docs/analytics/newcomers.md). */
export async function newcomersRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/communities/:slug/health/newcomers',
    { schema: { tags, summary: 'How newcomers find their way in: the trajectory funnel, time to first contribution, where they stall, retention at 30 and 90 days, newcomer share of active members; named trajectories for stewards', params: SlugParams, querystring: WindowQuery, response: { 200: NewcomersSchema, ...errorResponses(400, 404) } } },
    async (req) => {
      const { scope, refreshedAt, window, view } = await loadNewcomers(deps, req, req.params.slug, req.query.months);
      return {
        community: { slug: scope.community.slug, name: scope.community.name },
        months: window.months,
        refreshedAt,
        individuals: scope.individuals,
        headline: view.headline,
        funnel: view.funnel,
        stalls: view.stalls,
        cohorts: view.cohorts,
        monthly: view.months,
        trajectories: view.trajectories?.slice(0, API_TRAJECTORIES).map((t) => ({ member: { id: t.userId, username: t.username, displayName: t.displayName }, joinedAt: t.joinedAt, steps: t.steps, furthest: t.furthest, lastStepAt: t.lastStepAt, stalled: t.stalled, daysToFirstContribution: t.daysToFirstContribution })) ?? null,
        trajectoriesTotal: view.trajectories?.length ?? null,
      };
    },
  );

  await newcomersPages(app, deps);

  for (const [table, def] of Object.entries(tables)) {
    r.get(`/c/:slug/health/newcomers/${table}.csv`, { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
      const { scope, view } = await loadNewcomers(deps, req, req.params.slug, req.query.months);
      if (def.individual && !scope.individuals) throw notFound('Table');
      const { columns, rows } = def.pick(view);
      return sendCsv(reply, `${scope.community.slug}-newcomers-${table}`, columns, rows as never[]);
    });
  }
}
