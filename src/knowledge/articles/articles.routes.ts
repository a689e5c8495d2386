import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { articlesApi } from './articles.api.ts';
import { articleOwnersPages } from './articles.owners.pages.tsx';
import { articlesPages } from './articles.pages.tsx';

/** Pages and API routes of articles (the knowledge repository). */
export async function articlesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await articlesApi(app, deps);
  await articlesPages(app, deps);
  await articleOwnersPages(app, deps);
}
