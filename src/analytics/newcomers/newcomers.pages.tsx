import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { WindowQuery } from '../period.ts';
import { SlugParams } from '../responsiveness/responsiveness.schema.ts';
import { loadNewcomers } from './newcomers.load.ts';
import { NewcomersPage } from './newcomers.views.tsx';

/** GET /c/:slug/health/newcomers (the page; its data comes from the same loader as the API). */
export async function newcomersPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/c/:slug/health/newcomers', { schema: { params: SlugParams, querystring: WindowQuery } }, async (req, reply) => {
    const { scope, refreshedAt, window, view } = await loadNewcomers(deps, req, req.params.slug, req.query.months);
    return reply.page(`Newcomers · ${scope.community.name}`, <NewcomersPage community={scope.community} window={window} refreshedAt={refreshedAt} individuals={scope.individuals} view={view} />, { wide: true });
  });
}
