import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of accounts. */
export async function accountsRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
