import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { moderationApi } from './moderation.api.ts';
import { moderationPages } from './moderation.pages.tsx';

/** Pages and API routes of topic moderation (pin, lock, close, move, merge). */
export async function moderationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await moderationPages(app, deps);
  await moderationApi(app, deps);
}
