import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** Pages and API routes of Markdown preview. */
export async function markdownRoutes(_app: FastifyInstance, _deps: Deps): Promise<void> {}
