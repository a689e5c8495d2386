import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { activityHealthRoutes } from './activity/activity.routes.ts';
import { responsivenessRoutes } from './responsiveness/responsiveness.routes.ts';
import { newcomersRoutes } from './newcomers/newcomers.routes.ts';
import { knowledgeHealthRoutes } from './knowledge/knowledge.routes.ts';
import { viewsRoutes } from './views/views.routes.ts';
import { inclusionRoutes } from './inclusion/inclusion.routes.ts';
import { valueRoutes } from './value/value.routes.ts';
import { overviewRoutes } from './overview/overview.routes.tsx';

/** Every page and API route of src/analytics (registered in src/core/app.ts). */
export async function analyticsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await overviewRoutes(app, deps);
  await activityHealthRoutes(app, deps);
  await responsivenessRoutes(app, deps);
  await newcomersRoutes(app, deps);
  await knowledgeHealthRoutes(app, deps);
  await viewsRoutes(app, deps);
  await inclusionRoutes(app, deps);
  await valueRoutes(app, deps);
}
