import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of the community glossary. */
export async function glossaryRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
