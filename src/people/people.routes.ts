import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';

/** Pages and API routes of people. */
export async function peopleRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
