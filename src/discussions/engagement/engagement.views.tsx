import type { ViewContext } from '../../core/views/context.ts';
import { POST_ACTIONS_FORM, PostForm } from '../../core/views/components.tsx';
import type { WatchLevel } from '../../notifications/watch-levels.store.ts';
import { reactionSet } from './reactions.ts';
import type { ReactionCount } from './reactions.store.ts';

/** Where a post's reaction page is: GET beside the form post it sends (`POST /posts/:id/reactions`). */
export const reactPageHref = (postId: number) => `/posts/${postId}/reactions`;

/**
 * A post's reactions. Members get a toggle button for each reaction someone gave (aria-pressed says
 * whether they did), which submits the page's PostActionsForm, and one "Add a reaction" link to the
 * post's reaction page with all five; everyone else sees the counts that are not zero.
 */
export function ReactionBar(p: { postId: number; counts: ReactionCount[]; mayReact: boolean }) {
  const given = p.counts.filter((c) => c.count > 0);
  if (!p.mayReact) {
    if (given.length === 0) return null;
    return (
      <ul class="reactions" aria-label="Reactions">
        {given.map((c) => (
          <li class="reaction" aria-label={`${reactionSet[c.reaction].label}: ${c.count}`}>
            <span aria-hidden="true">{reactionSet[c.reaction].emoji} {c.count}</span>
          </li>
        ))}
      </ul>
    );
  }
  // Only the reactions given so far, plus one link to all five (issue 6: five buttons under each of
  // 50 posts were ~60 KB of a page). The buttons submit the page's PostActionsForm (CSRF token and
  // `next`), each with its own formaction and `+thanks` (give) or `-thanks` (take back), so posts carry
  // no form or hidden field of their own; `.reactions button` in CSS, so no class either. The title
  // names the reaction and its count, for pointers and screen readers. A group, not a list.
  return (
    <div class="reactions" role="group" aria-label="Reactions">
      {given.map((c) => {
        const { emoji, label } = reactionSet[c.reaction];
        return (
          <button form={POST_ACTIONS_FORM} formAction={reactPageHref(p.postId)} name="reaction" value={`${c.mine ? '-' : '+'}${c.reaction}`} aria-pressed={c.mine ? 'true' : 'false'} title={`${label}: ${c.count}`}>
            <span aria-hidden="true">{`${emoji} ${c.count}`}</span>
          </button>
        );
      })}
      <a href={reactPageHref(p.postId)} aria-label="Add a reaction" title="Add a reaction">
        ☺+
      </a>
    </div>
  );
}

/** What a post's reaction page shows: the post, where it is, and its counts with the viewer's own. */
export interface ReactPageData {
  postId: number;
  postPath: string;
  topicTitle: string;
  authorName: string;
  excerpt: string;
  counts: ReactionCount[];
}

/**
 * A post's reaction page, linked from its "Add a reaction": one toggle button per reaction with its
 * count, in a form of its own that posts to `/posts/:id/reactions` (the fields the topic page's buttons
 * send) and comes back to the post. Works without JavaScript.
 */
export function ReactPage(p: { ctx: ViewContext; d: ReactPageData }) {
  const { d } = p;
  return (
    <>
      <h1>React to {d.authorName}’s post</h1>
      <p class="meta">
        In <a href={d.postPath}>{d.topicTitle}</a>
      </p>
      {d.excerpt !== '' && <blockquote class="react-excerpt">{d.excerpt}</blockquote>}
      <PostForm ctx={p.ctx} action={reactPageHref(d.postId)} class="reactions react-form" aria-label="Reactions">
        <input type="hidden" name="next" value={d.postPath} />
        {d.counts.map((c) => {
          const { emoji, label } = reactionSet[c.reaction];
          return (
            <button name="reaction" value={`${c.mine ? '-' : '+'}${c.reaction}`} aria-pressed={c.mine ? 'true' : 'false'}>
              <span aria-hidden="true">{emoji}</span> {label}: {c.count}
            </button>
          );
        })}
      </PostForm>
      <p>
        <a href={d.postPath}>Back to the post</a>
      </p>
    </>
  );
}

/** A toggle to bookmark a post (for a topic: its opening post); aria-pressed tells whether it is bookmarked. Submits PostActionsForm. */
export function BookmarkButton(p: { postId: number; bookmarked: boolean; opening: boolean }) {
  return (
    <button form={POST_ACTIONS_FORM} formAction={`/posts/${p.postId}/bookmark`} name="on" value={p.bookmarked ? '0' : '1'} class="link-button bookmark-button" aria-pressed={p.bookmarked ? 'true' : 'false'}>
      <span aria-hidden="true">{p.bookmarked ? '★ ' : '☆ '}</span>
      {p.opening ? 'Bookmark topic' : 'Bookmark'}
    </button>
  );
}

const levelOptions: Array<[string, string]> = [
  ['default', 'Default: mentions and replies to my topics'],
  ['watch', 'Watch: every new post'],
  ['track', 'Track: mentions and replies to my topics'],
  ['mute', 'Mute: nothing'],
];

/** The "notify me about…" form for a topic or a community. */
export function WatchForm(p: { ctx: ViewContext; action: string; what: 'topic' | 'community'; level: WatchLevel | null; next: string }) {
  const id = `watch-level-${p.what}`;
  return (
    <PostForm ctx={p.ctx} action={p.action} class="watch-form">
      <input type="hidden" name="next" value={p.next} />
      <label for={id}>Notifications for this {p.what}</label>
      <select id={id} name="level">
        {levelOptions.map(([v, l]) => (
          <option value={v} selected={v === (p.level ?? 'default')}>
            {l}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--secondary button--small">
        Save
      </button>
    </PostForm>
  );
}
