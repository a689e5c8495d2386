import type { Deps } from '../../core/deps.ts';
import { canPost, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { keyOf } from '../../core/views/kept-markup.ts';
import type { TopicSlotProvider } from '../../discussions/topic-slots.tsx';
import type { ArticleSlotProvider } from '../articles/article-slots.tsx';
import { collectionsHolding, editableCollections } from '../collections/collections.store.ts';
import type { AppliedSummary } from './applied.service.ts';
import { appliedOn } from './applied.store.ts';
import { listBacklinks } from './links.store.ts';
import { AddToCollection, AppliedBlock, Backlinks, InCollections } from './links.views.tsx';

/** The collections the viewer may add to (members: their own; stewards and moderators: all), or null when they may not add. */
async function addable(deps: Deps, actor: Actor | null, access: CommunityAccess, communityId: number) {
  if (!actor || !canPost(actor, access)) return null;
  return editableCollections(deps.db, communityId, actor.id, access.role === 'steward' || access.role === 'moderator');
}

const summary = (items: AppliedSummary['items'], actor: Actor | null): AppliedSummary => ({ count: items.length, items, mine: actor ? (items.find((i) => i.user.id === actor.id) ?? null) : null });

/**
 * On an article page: "I applied this" after the body; below it, "Linked from", the collections it
 * is in, and the "Add to collection" form.
 */
export const linksArticleSlots: ArticleSlotProvider = async ({ deps, ctx, actor, access, community, article }) => {
  const [backlinks, holding, mine, applied] = await Promise.all([
    listBacklinks(deps.db, actor, { kind: 'article', id: article.id }),
    collectionsHolding(deps.db, 'article', article.id),
    addable(deps, actor, access, community.id),
    appliedOn(deps.db, 'article', [article.id]),
  ]);
  const own = actor !== null && (article.author.id === actor.id || article.owners.some((o) => o.id === actor.id));
  const s = summary(applied.get(article.id) ?? [], actor);
  return {
    afterBody: <AppliedBlock ctx={ctx} action={`/c/${community.slug}/a/${article.id}/applied`} s={s} canMark={canPost(actor, access) && !own} uid={`a${article.id}`} what="article" />,
    below: (
      <>
        <Backlinks items={backlinks} />
        <InCollections slug={community.slug} items={holding} />
        {mine && <AddToCollection ctx={ctx} slug={community.slug} type="article" targetId={article.id} collections={mine} />}
      </>
    ),
  };
};

/**
 * On a topic page: "Linked from", the collections it is in and "Add to collection" under the title;
 * "I applied this" under each answer that is not deleted.
 */
export const linksTopicSlots: TopicSlotProvider = async ({ deps, ctx, actor, access, topic, posts }) => {
  const answers = posts.filter((p) => p.kind === 'answer' && !p.deleted).map((p) => p.id);
  const [backlinks, holding, mine, applied] = await Promise.all([
    listBacklinks(deps.db, actor, { kind: 'topic', id: topic.id }),
    collectionsHolding(deps.db, 'topic', topic.id),
    topic.deleted ? null : addable(deps, actor, access, topic.communityId),
    appliedOn(deps.db, 'post', answers),
  ]);
  const slug = topic.community.slug;
  const header =
    backlinks.length > 0 || holding.length > 0 || mine ? (
      <div class="topic-knowledge">
        <Backlinks items={backlinks} compact />
        <InCollections slug={slug} items={holding} />
        {mine && <AddToCollection ctx={ctx} slug={slug} type="topic" targetId={topic.id} collections={mine} />}
      </div>
    ) : undefined;
  return {
    header,
    post: (p) => {
      if (!answers.includes(p.id)) return {};
      const s = summary(applied.get(p.id) ?? [], actor);
      const canMark = canPost(actor, access) && actor?.id !== p.author.id && !topic.deleted;
      if (s.count === 0 && !canMark) return {};
      // The forms are on their own page (issue 6: inline, they were ~27 KB of a 50-post page).
      const formHref = `/c/${slug}/t/${topic.id}/posts/${p.id}/applied`;
      return {
        // Names what the block shows: who applied it and their notes, whether the viewer did and may mark it, where the link goes.
        key: keyOf(['applied', formHref, canMark, s.mine !== null, ...s.items.flatMap((i) => [i.user.username, i.user.displayName, i.note ?? ''])]),
        below: <AppliedBlock formHref={formHref} s={s} canMark={canMark} what="answer" />,
      };
    },
  };
};
