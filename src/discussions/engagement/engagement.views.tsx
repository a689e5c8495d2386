import type { ViewContext } from '../../core/views/context.ts';
import { POST_ACTIONS_FORM, PostForm } from '../../core/views/components.tsx';
import type { WatchLevel } from '../../notifications/watch-levels.store.ts';
import { reactionSet } from './reactions.ts';
import type { ReactionCount } from './reactions.store.ts';

/**
 * A post's reactions. Members get one toggle button per reaction (aria-pressed says whether they gave
 * it), which submits the page's PostActionsForm; everyone else sees the counts that are not zero.
 */
export function ReactionBar(p: { postId: number; counts: ReactionCount[]; mayReact: boolean }) {
  if (!p.mayReact) {
    const given = p.counts.filter((c) => c.count > 0);
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
  // The buttons submit the page's PostActionsForm (CSRF token and `next`), each with its own formaction
  // and `+thanks` (give) or `-thanks` (take back), so 50 posts carry no form or hidden field of their
  // own. The title names the reaction and its count, for pointers and screen readers. A group of
  // buttons, not a list: five list items per post would be 250 more elements a page.
  return (
    <div class="reactions" role="group" aria-label="Reactions">
      {p.counts.map((c) => {
        const { emoji, label } = reactionSet[c.reaction];
        return (
          <button type="submit" form={POST_ACTIONS_FORM} formAction={`/posts/${p.postId}/reactions`} name="reaction" value={`${c.mine ? '-' : '+'}${c.reaction}`} class="reaction reaction--button" aria-pressed={c.mine ? 'true' : 'false'} title={`${label}: ${c.count}`}>
            <span aria-hidden="true">{c.count > 0 ? `${emoji} ${c.count}` : emoji}</span>
          </button>
        );
      })}
    </div>
  );
}

/** A toggle to bookmark a post (for a topic: its opening post); aria-pressed tells whether it is bookmarked. Submits PostActionsForm. */
export function BookmarkButton(p: { postId: number; bookmarked: boolean; opening: boolean }) {
  return (
    <button type="submit" form={POST_ACTIONS_FORM} formAction={`/posts/${p.postId}/bookmark`} name="on" value={p.bookmarked ? '0' : '1'} class="link-button bookmark-button" aria-pressed={p.bookmarked ? 'true' : 'false'}>
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
