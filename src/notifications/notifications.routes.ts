import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { notificationsApi } from './notifications.api.ts';
import { notificationsPages } from './notifications.pages.tsx';

/** Pages and API routes of notifications. */
export async function notificationsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await notificationsPages(app, deps);
  await notificationsApi(app, deps);
}
