import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { collectionsApi } from './collections.api.ts';
import { collectionsPages } from './collections.pages.tsx';

/** Pages and API routes of src/knowledge/collections. */
export async function collectionsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await collectionsApi(app, deps);
  await collectionsPages(app, deps);
}
