import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { sendCsv, type CsvColumn } from '../csv.ts';
import { WindowQuery } from '../period.ts';
import type { OverviewMonth } from './inputs.ts';
import { organisationHealth, type OrganisationRow } from './org.service.ts';
import { OrganisationHealthPage } from './org.views.tsx';
import { errorResponses, OrganisationSchema, OverviewSchema, SlugParams, tags } from './overview.schema.ts';
import { communityOverview, type CommunityOverview } from './overview.service.ts';
import { OverviewPage } from './overview.views.tsx';

const MONTH_COLUMNS: Array<CsvColumn<OverviewMonth>> = (
  ['month', 'members', 'newMembers', 'activeMembers', 'contributors', 'core', 'contributions', 'gini', 'absenceFactor', 'articlesCreated', 'reuseEvents', 'newcomerShare', 'retention90', 'questions', 'medianFirstResponseHours', 'unanswered48hShare'] as const
).map((k) => ({ header: k, value: (m: OverviewMonth) => m[k] }));

const ORG_COLUMNS: Array<CsvColumn<OrganisationRow>> = [
  { header: 'community', value: (c) => c.name },
  { header: 'slug', value: (c) => c.slug },
  { header: 'visibility', value: (c) => c.visibility },
  { header: 'stage', value: (c) => c.stage },
  { header: 'stage_month', value: (c) => c.stageMonth },
  { header: 'members', value: (c) => c.memberCount },
  { header: 'active_members', value: (c) => c.activeMembers },
  { header: 'growth_3_months', value: (c) => c.growth },
  { header: 'core', value: (c) => c.core },
  { header: 'median_first_response_hours', value: (c) => c.medianFirstResponseHours },
  { header: 'tags_at_risk', value: (c) => c.atRiskTags },
  { header: 'warning_signs', value: (c) => c.signals.map((s) => s.text).join(' ') },
];

const dto = (o: CommunityOverview) => ({
  community: o.community,
  months: o.window.months,
  refreshedAt: o.refreshedAt,
  individuals: o.individuals,
  stage: { month: o.stage.month, stage: o.stage.stage, reason: o.stage.reason, summary: o.stage.summary, playbook: o.stage.playbook, evidence: o.stage.evidence },
  history: o.history,
  signals: o.signals,
  atRiskTags: o.atRiskTags,
  dueForReview: o.dueForReview,
  valueStories: o.valueStories,
  series: o.months,
});

/** The health overview of a community (/c/:slug/health) and of the organisation (/health): pages, API, CSV. */
export async function overviewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const schema = { params: SlugParams, querystring: WindowQuery };

  r.get('/c/:slug/health', { schema }, async (req, reply) => {
    const o = await communityOverview(deps, req.actor, req.params.slug, req.query.months);
    return reply.page(`Health · ${o.community.name}`, <OverviewPage o={o} />, { wide: true });
  });

  r.get(
    '/api/v1/communities/:slug/health',
    { schema: { tags, summary: 'A community’s health at a glance: lifecycle stage with evidence and playbook, warning signs, and the headline series of every section', ...schema, response: { 200: OverviewSchema, ...errorResponses(400, 404) } } },
    async (req) => dto(await communityOverview(deps, req.actor, req.params.slug, req.query.months)),
  );

  r.get('/c/:slug/health/overview/months.csv', { schema }, async (req, reply) => {
    const o = await communityOverview(deps, req.actor, req.params.slug, req.query.months);
    return sendCsv(reply, `${o.community.slug}-health-months`, MONTH_COLUMNS, o.months);
  });

  r.get('/c/:slug/health/overview/stages.csv', { schema }, async (req, reply) => {
    const o = await communityOverview(deps, req.actor, req.params.slug, req.query.months);
    return sendCsv(reply, `${o.community.slug}-health-stages`, [{ header: 'month', value: (h: { month: string }) => h.month }, { header: 'stage', value: (h: { stage: string }) => h.stage }], o.history);
  });

  r.get('/health', async (req, reply) => {
    const org = await organisationHealth(deps, req.actor);
    return reply.page('Health across the organisation', <OrganisationHealthPage {...org} />, { wide: true });
  });

  r.get(
    '/api/v1/health',
    { schema: { tags, summary: 'Every community you can read side by side (stage, size, activity, growth, responsiveness, knowledge at risk, warning signs) and the boundary spanners between them', querystring: Type.Object({}), response: { 200: OrganisationSchema } } },
    async (req) => {
      const org = await organisationHealth(deps, req.actor);
      return { ...org, spanners: org.spanners ?? [] };
    },
  );

  r.get('/health/communities.csv', async (req, reply) => {
    const org = await organisationHealth(deps, req.actor);
    return sendCsv(reply, 'communities-health', ORG_COLUMNS, org.communities);
  });
}
