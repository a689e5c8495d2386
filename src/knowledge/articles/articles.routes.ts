import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of articles (the knowledge repository). */
export async function articlesRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
