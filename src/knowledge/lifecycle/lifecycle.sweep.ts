import type { Deps } from '../../core/deps.ts';
import { findKnowledgeSettings } from './knowledge-settings.store.ts';
import { applyTransition } from './lifecycle.service.ts';
import { findLifecycle } from './lifecycle.store.ts';

/** What to sweep: everything, one community, or one article. */
export interface SweepScope {
  communityId?: number;
  articleId?: number;
}

/** The reason recorded when the review interval moves an article to needs_review. */
export const REVIEW_INTERVAL_REASON = 'review interval passed';

/**
 * Moves every endorsed article whose review date has passed to needs_review, recording the transition
 * with the system as actor (and an activity row) in one transaction per article. Called lazily before
 * an article is read or listed, and by `serve` at start and hourly. Returns how many it moved.
 */
export async function sweepReviews(deps: Deps, scope: SweepScope = {}): Promise<number> {
  const now = deps.clock.now().toISOString();
  let q = deps.db.selectFrom('articles').select('id').where('state', '=', 'endorsed').where('review_due_at', 'is not', null).where('review_due_at', '<=', now);
  if (scope.communityId !== undefined) q = q.where('community_id', '=', scope.communityId);
  if (scope.articleId !== undefined) q = q.where('id', '=', scope.articleId);
  const due = await q.orderBy('id').limit(500).execute();
  let moved = 0;
  for (const { id } of due) {
    const row = await findLifecycle(deps.db, id);
    if (!row || row.state !== 'endorsed') continue;
    const settings = await findKnowledgeSettings(deps.db, row.communityId);
    try {
      await deps.db.transaction().execute((tx) => applyTransition(tx, { row, to: 'needs_review', actorId: null, reason: REVIEW_INTERVAL_REASON, successorId: null, verb: 'article.needs_review', settings, at: now }));
      moved += 1;
    } catch (err) {
      // Someone changed the article meanwhile (re-confirmed, archived…): their change wins.
      if (!(err instanceof Error && err.name === 'AppError')) throw err;
    }
  }
  return moved;
}

/**
 * Runs the sweep now and then every hour on an unref'd timer (so it never keeps the process alive).
 * Returns a function that stops it. Failures are logged, never thrown.
 */
export function startReviewSweeper(deps: Deps, everyMs = 60 * 60 * 1000): () => void {
  const run = () => {
    sweepReviews(deps).catch((err: unknown) => deps.log.error({ err }, 'review sweep failed'));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
