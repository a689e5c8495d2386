import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of discussions. */
export async function discussionsRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
