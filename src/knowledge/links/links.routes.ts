import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { appliedPages } from './applied.pages.tsx';
import { linksApi } from './links.api.ts';

/** Pages and API routes of src/knowledge/links: back-links and "I applied this". */
export async function linksRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await linksApi(app, deps);
  await appliedPages(app, deps);
}
