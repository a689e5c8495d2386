import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound } from '../../core/http/errors.ts';
import { sendCsv, type CsvColumn } from '../csv.ts';
import { WindowQuery } from '../period.ts';
import { dayColumns, flowColumns, gapColumns, inequalityColumns, levelColumns, memberColumns, monthColumns, weekColumns } from './activity.csv.ts';
import { frameOf, loadHealth } from './activity.load.ts';
import { activityPages } from './activity.pages.tsx';
import { ActivitySchema, errorResponses, ParticipationSchema, SlugParams, tags } from './activity.schema.ts';
import { activityView } from './activity.service.ts';
import { allPlacedMembers, participationView } from './participation.service.ts';

/** Rows of a stewards' CSV at most (every person placed in a month). */
const MEMBER_CSV_LIMIT = 100_000;

type Table = { columns: Array<CsvColumn<never>>; rows: readonly unknown[] };
const csv = <T,>(columns: Array<CsvColumn<T>>, rows: readonly T[]): Table => ({ columns: columns as Array<CsvColumn<never>>, rows });

/** Activity and participation: pages, API and CSV downloads (docs/analytics/activity.md, participation.md). */
export async function activityHealthRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const schema = { params: SlugParams, querystring: WindowQuery };

  r.get(
    '/api/v1/communities/:slug/health/activity',
    { schema: { tags, summary: 'A community’s activity and rhythm: people active per day, week and month, what was made, the usual gap between active days and the long gaps', ...schema, response: { 200: ActivitySchema, ...errorResponses(400, 404) } } },
    async (req) => {
      const l = await loadHealth(deps, req, req.params.slug, req.query.months);
      const v = await activityView(deps, l.scope.community.id, l.window);
      return { ...frameOf(l), days: v.days, weeks: v.weeks, monthly: v.months, rhythm: v.rhythm };
    },
  );

  r.get(
    '/api/v1/communities/:slug/health/participation',
    { schema: { tags, summary: 'Participation levels (core, active, occasional, peripheral, transactional) per month, flows between them, and inequality (90-9-1, Gini, absence factor); named members for stewards only', ...schema, response: { 200: ParticipationSchema, ...errorResponses(400, 404) } } },
    async (req) => {
      const l = await loadHealth(deps, req, req.params.slug, req.query.months);
      const v = await participationView(deps, l.scope.community.id, l.window, l.scope.individuals);
      return { ...frameOf(l), month: v.month, levels: v.months, flows: v.flows, inequality: v.inequality, members: v.members, absence: v.absence };
    },
  );

  await activityPages(app, deps);

  const activityTables: Record<string, (v: Awaited<ReturnType<typeof activityView>>) => Table> = {
    days: (v) => csv(dayColumns, v.days),
    weeks: (v) => csv(weekColumns, v.weeks),
    months: (v) => csv(monthColumns, v.months),
    gaps: (v) => csv(gapColumns, v.rhythm.longGaps),
  };
  for (const [table, pick] of Object.entries(activityTables)) {
    r.get(`/c/:slug/health/activity/${table}.csv`, { schema }, async (req, reply) => {
      const l = await loadHealth(deps, req, req.params.slug, req.query.months);
      const { columns, rows } = pick(await activityView(deps, l.scope.community.id, l.window));
      return sendCsv(reply, `${l.scope.community.slug}-activity-${table}`, columns, rows as never[]);
    });
  }

  const participationTables: Record<string, { individuals: boolean; pick: (v: Awaited<ReturnType<typeof participationView>>, deps: Deps, communityId: number) => Table | Promise<Table> }> = {
    levels: { individuals: false, pick: (v) => csv(levelColumns, v.months) },
    flows: { individuals: false, pick: (v) => csv(flowColumns, v.flows) },
    inequality: { individuals: false, pick: (v) => csv(inequalityColumns, v.inequality) },
    members: { individuals: true, pick: async (v, d, id) => csv(memberColumns, await allPlacedMembers(d, id, v.month, MEMBER_CSV_LIMIT)) },
    absence: { individuals: true, pick: (v) => csv(memberColumns, v.absence ?? []) },
  };
  for (const [table, t] of Object.entries(participationTables)) {
    r.get(`/c/:slug/health/participation/${table}.csv`, { schema }, async (req, reply) => {
      const l = await loadHealth(deps, req, req.params.slug, req.query.months);
      if (t.individuals && !l.scope.individuals) throw notFound('Table');
      const { columns, rows } = await t.pick(await participationView(deps, l.scope.community.id, l.window, l.scope.individuals), deps, l.scope.community.id);
      return sendCsv(reply, `${l.scope.community.slug}-participation-${table}`, columns, rows as never[]);
    });
  }
}
