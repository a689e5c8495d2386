import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { mentoringApi } from './mentoring.api.ts';
import { mentoringPages } from './mentoring.pages.tsx';

/** Pages and API routes of src/people/mentoring (registered in src/core/app.ts). */
export async function mentoringRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await mentoringApi(app, deps);
  await mentoringPages(app, deps);
}
