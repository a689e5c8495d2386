import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { searchApi } from './search.api.ts';
import { startSearchFlusher } from './search.flush.ts';
import { searchPages } from './search.pages.tsx';

/** The search page, the header quick search and /api/v1/search; on SQLite, the flusher that feeds FTS5 (search.flush.ts). */
export async function searchRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  let flusher: { stop(): Promise<void> } | null = null;
  app.addHook('onReady', async () => {
    flusher = startSearchFlusher(deps.db, deps.log);
  });
  app.addHook('onClose', async () => flusher?.stop());
  await searchApi(app, deps);
  await searchPages(app, deps);
}
