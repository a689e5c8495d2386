import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of src/knowledge/collections. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function collectionsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Filled in by the feature.
}
