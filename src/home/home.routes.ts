import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { homeApi } from './home.api.ts';
import { homePages } from './home.pages.tsx';

/** The home page (welcome when signed out, dashboard when signed in) and the activity feed API. */
export async function homeRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await homePages(app, deps);
  await homeApi(app, deps);
}
