import type { ViewContext } from '../../core/views/context.ts';
import { PostForm } from '../../core/views/components.tsx';
import type { WatchLevel } from '../../notifications/watch-levels.store.ts';
import { reactionSet } from './reactions.ts';
import type { ReactionCount } from './reactions.store.ts';

/**
 * A post's reactions. Members get one toggle button per reaction (aria-pressed says whether they gave
 * it); everyone else sees the counts that are not zero.
 */
export function ReactionBar(p: { ctx: ViewContext; postId: number; counts: ReactionCount[]; mayReact: boolean; next: string }) {
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
  // One form per post (not one per reaction): each button names the reaction and the state it sets
  // (`+thanks` gives it, `-thanks` takes it back), so 50 posts do not carry 250 forms and CSRF fields.
  return (
    <PostForm ctx={p.ctx} action={`/posts/${p.postId}/reactions`} class="reactions-form">
      <input type="hidden" name="next" value={p.next} />
      <ul class="reactions" aria-label="Reactions">
        {p.counts.map((c) => {
          const { emoji, label } = reactionSet[c.reaction];
          return (
            <li>
              <button type="submit" name="reaction" value={`${c.mine ? '-' : '+'}${c.reaction}`} class="reaction reaction--button" aria-pressed={c.mine ? 'true' : 'false'} aria-label={`${label}: ${c.count}`} title={label}>
                <span aria-hidden="true">{emoji}</span>
                {c.count > 0 && <span aria-hidden="true"> {c.count}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </PostForm>
  );
}

/** A toggle to bookmark a post (for a topic: its opening post); aria-pressed tells whether it is bookmarked. */
export function BookmarkButton(p: { ctx: ViewContext; postId: number; bookmarked: boolean; opening: boolean; next: string }) {
  return (
    <PostForm ctx={p.ctx} action={`/posts/${p.postId}/bookmark`} class="inline-form">
      <input type="hidden" name="on" value={p.bookmarked ? '0' : '1'} />
      <input type="hidden" name="next" value={p.next} />
      <button type="submit" class="link-button bookmark-button" aria-pressed={p.bookmarked ? 'true' : 'false'}>
        <span aria-hidden="true">{p.bookmarked ? '★ ' : '☆ '}</span>
        {p.opening ? 'Bookmark topic' : 'Bookmark'}
      </button>
    </PostForm>
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
