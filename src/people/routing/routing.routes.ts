import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { routingApi } from './routing.api.ts';
import { routingPages } from './routing.pages.tsx';

/** Pages and API routes of src/people/routing (registered in src/core/app.ts). */
export async function routingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await routingApi(app, deps);
  await routingPages(app, deps);
}
