import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';

/** Pages and API routes of topic moderation (pin, lock, close, move, merge). */
export async function moderationRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
