import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { storiesApi } from './stories.api.ts';
import { storiesPages } from './stories.pages.tsx';
import { valueHealthRoutes } from './value.health.tsx';

/** Pages and API of src/analytics/value: value stories, the value matrix and the sponsor report. */
export async function valueRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await storiesApi(app, deps);
  await storiesPages(app, deps);
  await valueHealthRoutes(app, deps);
}
