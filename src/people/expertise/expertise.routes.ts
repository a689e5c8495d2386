import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { expertiseApi } from './expertise.api.ts';
import { expertisePages } from './expertise.pages.tsx';
import { finderApi } from './finder.api.ts';
import { finderPages } from './finder.pages.tsx';

/** Pages and API routes of src/people/expertise (registered in src/core/app.ts). */
export async function expertiseRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await expertiseApi(app, deps);
  await expertisePages(app, deps);
  await finderApi(app, deps);
  await finderPages(app, deps);
}
