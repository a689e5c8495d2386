import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { WindowQuery } from '../period.ts';
import { loadHealth } from './activity.load.ts';
import { SlugParams } from './activity.schema.ts';
import { activityView } from './activity.service.ts';
import { ActivityPage } from './activity.views.tsx';
import { participationView } from './participation.service.ts';
import { ParticipationPage } from './participation.views.tsx';

/** GET /c/:slug/health/activity and /c/:slug/health/participation (same loaders as the API). */
export async function activityPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const schema = { params: SlugParams, querystring: WindowQuery };
  r.get('/c/:slug/health/activity', { schema }, async (req, reply) => {
    const l = await loadHealth(deps, req, req.params.slug, req.query.months);
    const view = await activityView(deps, l.scope.community.id, l.window);
    return reply.page(`Activity · ${l.scope.community.name}`, <ActivityPage community={l.scope.community} window={l.window} refreshedAt={l.refreshedAt} individuals={l.scope.individuals} view={view} />, { wide: true });
  });
  r.get('/c/:slug/health/participation', { schema }, async (req, reply) => {
    const l = await loadHealth(deps, req, req.params.slug, req.query.months);
    const view = await participationView(deps, l.scope.community.id, l.window, l.scope.individuals);
    return reply.page(`Participation · ${l.scope.community.name}`, <ParticipationPage community={l.scope.community} window={l.window} refreshedAt={l.refreshedAt} individuals={l.scope.individuals} view={view} />, { wide: true });
  });
}
