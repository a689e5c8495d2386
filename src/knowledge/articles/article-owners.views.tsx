import { PostForm } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { Article } from './articles.store.ts';

/** Owner management for owners: remove an owner (never the last), add a community member by username. */
export function OwnerForms({ ctx, slug, a }: { ctx: ViewContext; slug: string; a: Article }) {
  const base = `/c/${slug}/a/${a.id}/owners`;
  return (
    <section class="article-owners" aria-labelledby="owners-h">
      <h2 id="owners-h">Owners</h2>
      <ul>
        {a.owners.map((o) => (
          <li>
            {o.displayName} (@{o.username})
            {a.owners.length > 1 && (
              <PostForm ctx={ctx} action={`${base}/${o.username}/remove`} class="inline-form" aria-label={`Remove ${o.displayName} as owner`}>
                <button class="link-button" type="submit">
                  Remove<span class="visually-hidden"> {o.displayName} as owner</span>
                </button>
              </PostForm>
            )}
          </li>
        ))}
      </ul>
      <PostForm ctx={ctx} action={base} aria-label="Add an owner">
        <div class="field">
          <label for="f-owner">Add an owner (a member’s username)</label>
          <input id="f-owner" name="username" type="text" required maxLength={40} />
        </div>
        <button class="button button--small button--secondary" type="submit">
          Add owner
        </button>
      </PostForm>
    </section>
  );
}
