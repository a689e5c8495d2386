import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** The search page, the header quick search and /api/v1/search. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function searchRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Filled in by the feature.
}
