import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of answers, votes, accepted answers and comments. */
export async function answersRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
