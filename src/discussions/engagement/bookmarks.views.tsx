import type { ViewContext } from '../../core/views/context.ts';
import { EmptyState, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { BookmarkView } from './bookmarks.store.ts';
import { bookmarkUrl } from './engagement.schema.ts';

/** The member's bookmarks, newest first, each with a way to remove it. */
export function BookmarksPage(p: { ctx: ViewContext; items: BookmarkView[]; nextHref: string | null }) {
  return (
    <>
      <h1>Bookmarks</h1>
      {p.items.length === 0 ? (
        <EmptyState title="No bookmarks yet">
          <p>Bookmark a topic or a post you want to come back to; it will wait for you here.</p>
        </EmptyState>
      ) : (
        <ol class="bookmark-list">
          {p.items.map((b) => (
            <li class="bookmark">
              <p class="bookmark__title">
                <a href={bookmarkUrl(b)}>{b.topic.title}</a>
              </p>
              {!b.opening && <p class="bookmark__excerpt">{b.excerpt}</p>}
              <p class="meta">
                {b.opening ? 'Topic' : `Post by ${b.author.displayName}`} in {b.community.name} · bookmarked <TimeAgo at={b.bookmarkedAt} />
              </p>
              <PostForm ctx={p.ctx} action={`/posts/${b.postId}/bookmark`} class="inline-form">
                <input type="hidden" name="on" value="0" />
                <input type="hidden" name="next" value="/bookmarks" />
                <button type="submit" class="link-button" aria-label={`Remove bookmark: ${b.topic.title}`}>
                  Remove bookmark
                </button>
              </PostForm>
            </li>
          ))}
        </ol>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}
