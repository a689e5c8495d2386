import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of notifications. */
export async function notificationsRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
