import { PostForm } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { CommunityRef } from './crossposts.store.ts';

/**
 * For the topic's author and home stewards: where the topic is cross-posted (with a Remove button
 * each) and a form to cross-post it to another community they are a member of.
 */
export function CrosspostPanel(p: { ctx: ViewContext; topic: { id: number; community: { slug: string } }; linked: CommunityRef[]; choices: CommunityRef[] }) {
  if (p.linked.length === 0 && p.choices.length === 0) return null;
  const base = `/c/${p.topic.community.slug}/t/${p.topic.id}/crossposts`;
  return (
    <details class="crosspost-panel">
      <summary>Cross-post to other communities</summary>
      {p.linked.length > 0 && (
        <ul class="crosspost-panel__list">
          {p.linked.map((c) => (
            <li>
              {c.name}{' '}
              <PostForm ctx={p.ctx} action={`${base}/${c.slug}/remove`} class="inline-form">
                <button type="submit" class="button--small button--secondary">
                  Remove<span class="visually-hidden"> from {c.name}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      {p.choices.length > 0 && (
        <PostForm ctx={p.ctx} action={base} class="inline-form crosspost-panel__add">
          <label for="f-crosspost-community">Also show it in</label>{' '}
          <select id="f-crosspost-community" name="community">
            {p.choices.map((c) => (
              <option value={c.slug}>{c.name}</option>
            ))}
          </select>{' '}
          <button type="submit" class="button--small">
            Cross-post
          </button>
        </PostForm>
      )}
    </details>
  );
}
