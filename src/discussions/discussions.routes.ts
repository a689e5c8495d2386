import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { crosspostsApi } from './crossposts.api.ts';
import { crosspostsPages } from './crossposts.pages.tsx';
import { discussionsApi } from './discussions.api.ts';
import { discussionsPages } from './discussions.pages.tsx';
import { listsApi } from './lists.api.ts';
import { listsPages } from './lists.pages.tsx';
import { newTopicPages } from './new-topic.pages.tsx';
import { postEditPages } from './post-edit.pages.tsx';
import { revisionsApi } from './revisions.api.ts';
import { revisionsPages } from './revisions.pages.tsx';

/** Pages and API routes of discussions: topics (discussions and questions), posts, lists, tags, cross-posts, edits. */
export async function discussionsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await newTopicPages(app, deps);
  await discussionsPages(app, deps);
  await listsPages(app, deps);
  await postEditPages(app, deps);
  await revisionsPages(app, deps);
  await crosspostsPages(app, deps);
  await discussionsApi(app, deps);
  await listsApi(app, deps);
  await revisionsApi(app, deps);
  await crosspostsApi(app, deps);
}
