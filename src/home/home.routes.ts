import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of home. */
export async function homeRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
