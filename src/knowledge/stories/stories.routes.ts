import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { storiesApi } from './stories.api.ts';
import { storiesPages } from './stories.pages.tsx';

/** Pages and API routes of src/knowledge/stories: stories, their links, and promote-to-article. */
export async function storiesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await storiesApi(app, deps);
  await storiesPages(app, deps);
}
