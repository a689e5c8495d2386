import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { lifecycleApi } from './lifecycle.api.ts';
import { lifecyclePages } from './lifecycle.pages.tsx';

/** Pages and API routes of src/knowledge/lifecycle. */
export async function lifecycleRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await lifecycleApi(app, deps);
  await lifecyclePages(app, deps);
}
