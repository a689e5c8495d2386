import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { engagementApi } from './engagement.api.ts';
import { engagementPages } from './engagement.pages.tsx';

/** Pages and API routes of reactions, bookmarks and watching. */
export async function engagementRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await engagementPages(app, deps);
  await engagementApi(app, deps);
}
