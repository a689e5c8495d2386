import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { relatedApi } from './related.api.ts';

/**
 * Related content for a topic and similar questions while asking. The pages are not routes of their
 * own: the topic page shows "Related" through a topic-slots provider (related.slots.tsx), and the
 * new-topic form's "Check for similar questions" button is handled by the form's own route.
 */
export async function relatedRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await relatedApi(app, deps);
}
