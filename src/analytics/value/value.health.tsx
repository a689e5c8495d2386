import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { findRole } from '../../communities/communities.access.ts';
import { healthScope } from '../access.ts';
import { sendCsv } from '../csv.ts';
import { ensureFresh } from '../fresh.ts';
import { HealthShell } from '../health.views.tsx';
import { healthWindow, WindowQuery } from '../period.ts';
import { REPORT_CSS, ReportPage } from './report.views.tsx';
import { reportHealth } from '../overview/report-health.ts';
import { listStories } from './stories.store.ts';
import { errorResponses, healthTags as tags, ReportSchema, reportDto, SlugParams, ValueHealthSchema, valueHealthDto } from './value.schema.ts';
import { sponsorReport, valueMatrix } from './value.service.ts';
import { ValueSection } from './value.views.tsx';

/** The most stories one CSV export lists. */
const CSV_STORIES_MAX = 1000;

/** The value section of community health: page, API, CSVs, and the sponsor report. */
export async function valueHealthRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const schema = { params: SlugParams, querystring: WindowQuery };

  /** Who may look, the window, and fresh rollups: every value route starts here. */
  async function load(req: FastifyRequest, slug: string, months: number | undefined) {
    const scope = await healthScope(deps, req.actor, slug);
    const window = healthWindow(deps.clock.now(), months);
    const refreshedAt = await ensureFresh(deps);
    return { scope, window, refreshedAt };
  }

  r.get('/c/:slug/health/value', { schema }, async (req, reply) => {
    const { scope, window, refreshedAt } = await load(req, req.params.slug, req.query.months);
    const [matrix, role] = await Promise.all([valueMatrix(deps, scope, window), findRole(deps.db, scope.community.id, req.actor)]);
    const c = scope.community;
    return reply.page(
      `Value · ${c.name}`,
      <HealthShell community={c} section="value" window={window} refreshedAt={refreshedAt} individuals={scope.individuals}>
        <ValueSection slug={c.slug} months={window.months.length} matrix={matrix} canRecord={role !== null} />
      </HealthShell>,
      { wide: true },
    );
  });

  r.get('/api/v1/communities/:slug/health/value', { schema: { tags, summary: 'A community’s value matrix: stories and automatic indicators per value-creation cycle, and the monthly series', ...schema, response: { 200: ValueHealthSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { scope, window, refreshedAt } = await load(req, req.params.slug, req.query.months);
    return valueHealthDto(scope.community, window, refreshedAt, await valueMatrix(deps, scope, window));
  });

  r.get('/c/:slug/health/value/matrix.csv', { schema }, async (req, reply) => {
    const { scope, window } = await load(req, req.params.slug, req.query.months);
    const m = await valueMatrix(deps, scope, window);
    const rows = m.rows.flatMap((row) => [{ cycle: row.cycle, measure: 'Stories reaching this cycle', value: row.stories }, ...row.indicators.map((i) => ({ cycle: row.cycle, measure: i.label, value: i.value }))]);
    return sendCsv(reply, `${scope.community.slug}-value-matrix`, [{ header: 'cycle', value: (x) => x.cycle }, { header: 'measure', value: (x) => x.measure }, { header: 'value', value: (x) => x.value }], rows);
  });

  r.get('/c/:slug/health/value/monthly.csv', { schema }, async (req, reply) => {
    const { scope, window } = await load(req, req.params.slug, req.query.months);
    const m = await valueMatrix(deps, scope, window);
    const cols = (['stories', 'immediate', 'potential', 'applied', 'realized', 'reframing'] as const).map((k) => ({ header: k, value: (x: (typeof m.summary.months)[number]) => x[k] }));
    return sendCsv(reply, `${scope.community.slug}-value-monthly`, [{ header: 'month', value: (x) => x.month }, ...cols], m.summary.months);
  });

  r.get('/c/:slug/health/value/stories.csv', { schema }, async (req, reply) => {
    const { scope, window } = await load(req, req.params.slug, req.query.months);
    const stories = await listStories(deps.db, scope.community.id, { after: null, limit: CSV_STORIES_MAX, from: window.from, to: window.to });
    const author = scope.individuals ? [{ header: 'author', value: (s: (typeof stories)[number]) => s.author.username }] : [];
    return sendCsv(
      reply,
      `${scope.community.slug}-value-stories`,
      [{ header: 'id', value: (s) => s.id }, { header: 'title', value: (s) => s.title }, { header: 'recorded_at', value: (s) => s.createdAt }, { header: 'cycles', value: (s) => s.cycles.join(' ') }, ...author, { header: 'url', value: (s) => `/c/${scope.community.slug}/value-stories/${s.id}` }],
      stories,
    );
  });

  r.get('/c/:slug/health/report', { schema }, async (req, reply) => {
    const { scope, window, refreshedAt } = await load(req, req.params.slug, req.query.months);
    const [report, health] = await Promise.all([sponsorReport(deps, req.actor, scope, window), reportHealth(deps, scope.community.id, window)]);
    return reply.page(`Value report · ${scope.community.name}`, <ReportPage community={scope.community} window={window} refreshedAt={refreshedAt} report={report} individuals={scope.individuals} health={health} />, { wide: true });
  });

  r.get('/api/v1/communities/:slug/health/report', { schema: { tags, summary: 'The sponsor report of a community: domain, sponsor, members, the value matrix and selected stories', ...schema, response: { 200: ReportSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const { scope, window, refreshedAt } = await load(req, req.params.slug, req.query.months);
    const [report, health] = await Promise.all([sponsorReport(deps, req.actor, scope, window), reportHealth(deps, scope.community.id, window)]);
    return { ...reportDto(scope.community, window, refreshedAt, report, scope.individuals), health };
  });

  r.get('/health/value-report.css', { schema: { hide: true, response: { 200: Type.String() } } }, async (_req, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REPORT_CSS),
  );
}
