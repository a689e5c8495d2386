import { canPost } from '../../core/permissions/index.ts';
import { keyOf } from '../../core/views/kept-markup.ts';
import type { TopicSlotProvider } from '../topic-slots.tsx';
import { bookmarkedAmong } from './bookmarks.store.ts';
import { BookmarkButton, ReactionBar, WatchForm } from './engagement.views.tsx';
import { reactionCounts } from './reactions.store.ts';
import { chosenWatch } from './watches.store.ts';

/**
 * The engagement part of a topic page: under each post that is not deleted, its reactions (for members
 * the given ones as toggles and a link to the post's reaction page) and a bookmark toggle (the buttons
 * submit the page's PostActionsForm), and for signed-in readers the topic's notification level in the header.
 */
export const engagementSlots: TopicSlotProvider = async ({ deps, ctx, actor, access, topic, posts }) => {
  const live = posts.filter((p) => !p.deleted).map((p) => p.id);
  const counts = await reactionCounts(deps.db, live, actor?.id ?? null);
  const marked = actor ? await bookmarkedAmong(deps.db, actor.id, live) : new Set<number>();
  const mayReact = canPost(actor, access) && !topic.deleted;
  const topicPath = `/c/${topic.community.slug}/t/${topic.id}`;
  const level = actor && !topic.deleted ? await chosenWatch(deps.db, actor.id, 'topic', topic.id) : null;
  return {
    header:
      actor && !topic.deleted ? (
        <div class="topic-follow">
          <WatchForm ctx={ctx} action={`${topicPath}/watch`} what="topic" level={level} next={topicPath} />
          <a href={`/c/${topic.community.slug}/watch`}>Notifications from {topic.community.name}</a>
        </div>
      ) : undefined,
    post: (p) => {
      const c = counts.get(p.id);
      // Fill the slot only when it shows something (a reader with nothing to do and no counts sees none).
      if (!c || p.deleted || (!actor && c.every((x) => x.count === 0))) return {};
      return {
        // Names what the bar shows: each reaction's count and whether the viewer gave it (members see the
        // given ones as buttons), the "Add a reaction" link (mayReact; its address is the post id, which
        // the post's own key names), the bookmark.
        key: keyOf(['engagement', mayReact, actor !== null, actor !== null && marked.has(p.id), p.kind === 'opening', ...c.flatMap((x) => [x.reaction, x.count, x.mine])]),
        actions: (
          <div class="engagement">
            <ReactionBar postId={p.id} counts={c} mayReact={mayReact} />
            {actor && <BookmarkButton postId={p.id} bookmarked={marked.has(p.id)} opening={p.kind === 'opening'} />}
          </div>
        ),
      };
    },
  };
};
