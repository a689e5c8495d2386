import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { discussionsApi } from './discussions.api.ts';
import { discussionsPages } from './discussions.pages.tsx';

/** Pages and API routes of discussions: topics (discussions and questions) and their posts. */
export async function discussionsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await discussionsPages(app, deps);
  await discussionsApi(app, deps);
}
