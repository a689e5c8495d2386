import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Related content for a topic and similar questions while asking. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function relatedRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Filled in by the feature.
}
