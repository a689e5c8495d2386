import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { WindowQuery } from '../period.ts';
import { loadInclusion } from './inclusion.load.ts';
import { SlugParams } from './inclusion.schema.ts';
import { InclusionPage } from './inclusion.views.tsx';

/** GET /c/:slug/health/inclusion (the page; its data comes from the same loader as the API). */
export async function inclusionPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/c/:slug/health/inclusion', { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
    const { scope, refreshedAt, window, view } = await loadInclusion(deps, req, req.params.slug, req.query.months);
    return reply.page(`Inclusion · ${scope.community.name}`, <InclusionPage community={scope.community} window={window} refreshedAt={refreshedAt} individuals={scope.individuals} view={view} />, { wide: true });
  });
}
