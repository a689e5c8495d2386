import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/**
 * Views have no routes of their own: the topic and article pages call `recordViewLater`
 * (views.service.ts), and the counts show on the knowledge health page. Kept so the analytics
 * routes stay one list per part.
 */
export async function viewsRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
