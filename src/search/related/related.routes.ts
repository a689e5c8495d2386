import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { relatedApi } from './related.api.ts';
import { closeRelatedRankings, prepareRelatedRankings } from './related.rankings.ts';

/**
 * Related content for a topic and similar questions while asking. The pages are not routes of their
 * own: the topic page shows "Related" through a topic-slots provider (related.slots.tsx), and the
 * new-topic form's "Check for similar questions" button is handled by the form's own route.
 */
export async function relatedRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await relatedApi(app, deps);
  // The SQLite ranking worker and queued rankings end with the app, before the database is closed.
  app.addHook('onReady', async () => prepareRelatedRankings(deps));
  app.addHook('onClose', async () => closeRelatedRankings(deps.db));
}
