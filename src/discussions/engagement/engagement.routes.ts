import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of reactions, bookmarks and watching. */
export async function engagementRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
