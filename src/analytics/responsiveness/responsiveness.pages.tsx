import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { WindowQuery } from '../period.ts';
import { loadResponsiveness } from './responsiveness.load.ts';
import { SlugParams } from './responsiveness.schema.ts';
import { ResponsivenessPage } from './responsiveness.views.tsx';

/** GET /c/:slug/health/responsiveness (the page; its data comes from the same loader as the API). */
export async function responsivenessPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/c/:slug/health/responsiveness', { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
    const { scope, refreshedAt, window, view } = await loadResponsiveness(deps, req, req.params.slug, req.query.months);
    return reply.page(`Responsiveness · ${scope.community.name}`, <ResponsivenessPage community={scope.community} window={window} refreshedAt={refreshedAt} individuals={scope.individuals} view={view} />, { wide: true });
  });
}
