import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of admin. */
export async function adminRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
