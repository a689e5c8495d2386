import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of src/knowledge/transfer. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function transferRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Filled in by the feature.
}
