import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of communities. */
export async function communitiesRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
