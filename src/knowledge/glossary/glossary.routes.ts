import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { glossaryApi } from './glossary.api.ts';
import { glossaryPages } from './glossary.pages.tsx';

/** Pages and API routes of the community glossary. */
export async function glossaryRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await glossaryApi(app, deps);
  await glossaryPages(app, deps);
}
