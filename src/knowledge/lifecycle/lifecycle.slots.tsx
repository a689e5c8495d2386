import type { ArticleSlotProvider } from '../articles/article-slots.tsx';
import { lifecycleOf } from './lifecycle.read.ts';
import { listSuccessorCandidates } from './lifecycle.store.ts';
import { LifecycleBelow, LifecycleHeader } from './lifecycle.views.tsx';

/** The article page's lifecycle: state and actions under the title; endorsements and history below. */
export const lifecycleSlots: ArticleSlotProvider = async ({ deps, ctx, actor, access, community, article }) => {
  const v = await lifecycleOf(deps, actor, { article, community, access });
  const candidates = v.viewer.transitions.includes('superseded') ? await listSuccessorCandidates(deps.db, community.id, article.id) : [];
  return {
    header: <LifecycleHeader ctx={ctx} slug={community.slug} v={v} candidates={candidates} />,
    below: <LifecycleBelow ctx={ctx} slug={community.slug} v={v} />,
  };
};
