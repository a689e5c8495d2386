import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { searchApi } from './search.api.ts';
import { searchPages } from './search.pages.tsx';

/** The search page, the header quick search and /api/v1/search. */
export async function searchRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await searchApi(app, deps);
  await searchPages(app, deps);
}
