import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound } from '../../core/http/errors.ts';
import { healthScope } from '../access.ts';
import { sendCsv } from '../csv.ts';
import { ensureFresh } from '../fresh.ts';
import { healthWindow, WindowQuery } from '../period.ts';
import { knowledgeTables } from './knowledge.csv.ts';
import { errorResponses, KnowledgeSchema, knowledgeDto, SlugParams, tags } from './knowledge.schema.ts';
import { knowledgeHealth } from './knowledge.service.ts';
import { knowledgePages } from './knowledge.pages.tsx';

/**
 * The knowledge health of a community: who may read the community sees it (404 otherwise, as every
 * path answers); experts and apprentices are named for stewards and organisation admins only.
 */
export async function loadKnowledge(deps: Deps, req: FastifyRequest, slug: string, months: number | undefined) {
  const scope = await healthScope(deps, req.actor, slug);
  const refreshedAt = await ensureFresh(deps);
  const window = healthWindow(deps.clock.now(), months);
  const k = await knowledgeHealth(deps, { communityId: scope.community.id, individuals: scope.individuals }, window);
  const dto = knowledgeDto({ community: { slug: scope.community.slug, name: scope.community.name }, months: window.months, refreshedAt, individuals: scope.individuals }, k);
  return { scope, window, refreshedAt, dto };
}

/** Knowledge health: page, API and CSV downloads (docs/analytics/knowledge.md). */
export async function knowledgeHealthRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const schema = { params: SlugParams, querystring: WindowQuery };

  r.get(
    '/api/v1/communities/:slug/health/knowledge',
    {
      schema: {
        tags,
        summary: 'A community’s knowledge health: articles created vs reused (views, links, "I applied this") by month, the most reused articles, endorsed practices due for review, and tags whose expertise is at risk (experts and apprentices named for stewards only)',
        ...schema,
        response: { 200: KnowledgeSchema, ...errorResponses(400, 404) },
      },
    },
    async (req) => (await loadKnowledge(deps, req, req.params.slug, req.query.months)).dto,
  );

  await knowledgePages(app, deps, loadKnowledge);

  for (const [name, t] of Object.entries(knowledgeTables)) {
    r.get(`/c/:slug/health/knowledge/${name}.csv`, { schema }, async (req, reply) => {
      const l = await loadKnowledge(deps, req, req.params.slug, req.query.months);
      if (t.individuals && !l.scope.individuals) throw notFound('Table');
      return sendCsv(reply, `${l.scope.community.slug}-knowledge-${name}`, t.columns, t.rows(l.dto) as never[]);
    });
  }
}
