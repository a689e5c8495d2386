import { PostForm } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { AppliedSummary } from './applied.service.ts';
import { APPLIED_NOTE_MAX } from './applied.service.ts';
import type { Backlink } from './links.store.ts';

/** "Linked from": the places a reader may see that link here. */
export function Backlinks({ items, compact }: { items: Backlink[]; compact?: boolean }) {
  if (items.length === 0) return null;
  const links = items.map((b, i) => (
    <>
      {i > 0 && ', '}
      <a href={b.url}>{b.title}</a>
      {b.kind === 'article' && ' (article)'}
    </>
  ));
  if (compact) return <p class="meta backlinks">Linked from: {links}</p>;
  return (
    <section class="backlinks" aria-labelledby="backlinks-heading">
      <h2 id="backlinks-heading">Linked from</h2>
      <ul>
        {items.map((b) => (
          <li>
            <a href={b.url}>{b.title}</a> <span class="badge">{b.kind === 'article' ? 'article' : 'topic'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "In collections: …" for an article or topic. */
export function InCollections({ slug, items }: { slug: string; items: Array<{ id: number; title: string }> }) {
  if (items.length === 0) return null;
  return (
    <p class="meta in-collections">
      In collections:{' '}
      {items.map((c, i) => (
        <>
          {i > 0 && ', '}
          <a href={`/c/${slug}/collections/${c.id}`}>{c.title}</a>
        </>
      ))}
    </p>
  );
}

/** The "Add to collection" form, listing the collections the viewer may change. */
export function AddToCollection(p: { ctx: ViewContext; slug: string; type: 'article' | 'topic'; targetId: number; collections: Array<{ id: number; title: string }> }) {
  return (
    <details class="add-to-collection">
      <summary>Add to collection</summary>
      {p.collections.length === 0 ? (
        <p>
          You have no collections here yet. <a href={`/c/${p.slug}/collections/new`}>Make one</a>.
        </p>
      ) : (
        <PostForm ctx={p.ctx} action={`/c/${p.slug}/collections/add`} aria-label="Add to collection">
          <input type="hidden" name="type" value={p.type} />
          <input type="hidden" name="targetId" value={String(p.targetId)} />
          <div class="field">
            <label for="add-collection">Collection</label>
            <select id="add-collection" name="collection">
              {p.collections.map((c) => (
                <option value={String(c.id)}>{c.title}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="add-collection-note">
              Note <span class="field__optional">(optional)</span>
            </label>
            <input id="add-collection-note" name="note" type="text" maxLength={300} />
          </div>
          <button class="button button--small" type="submit">
            Add
          </button>
        </PostForm>
      )}
    </details>
  );
}

/**
 * "I applied this": the count and notes, and for members who did not write it a form to record it
 * (or change the note) and to withdraw. `uid` makes the ids unique on a page with several answers.
 */
export function AppliedBlock(p: { ctx: ViewContext; action: string; s: AppliedSummary; canMark: boolean; uid: string; what: string }) {
  const { s } = p;
  const noteId = `applied-note-${p.uid}`;
  return (
    <details class="applied" open={s.count > 0 && s.count <= 3 ? true : undefined}>
      <summary>{s.count === 0 ? `No one has said they applied this ${p.what} yet` : s.count === 1 ? `1 member applied this ${p.what}` : `${s.count} members applied this ${p.what}`}</summary>
      {s.items.length > 0 && (
        <ul class="applied__list">
          {s.items.map((i) => (
            <li>
              <a href={`/u/${i.user.username}`}>{i.user.displayName}</a>
              {i.note && <>: {i.note}</>}
            </li>
          ))}
        </ul>
      )}
      {p.canMark && (
        <PostForm ctx={p.ctx} action={p.action} class="applied__form" aria-label={`I applied this ${p.what}`}>
          <label for={noteId}>
            What did you do with it? <span class="field__optional">(optional)</span>
          </label>
          <textarea id={noteId} name="note" rows={2} maxLength={APPLIED_NOTE_MAX} value={s.mine?.note ?? ''} />
          <button class="button button--small" type="submit">
            {s.mine ? 'Update my note' : 'I applied this'}
          </button>
        </PostForm>
      )}
      {p.canMark && s.mine && (
        <PostForm ctx={p.ctx} action={`${p.action}/withdraw`} class="inline-form" aria-label="Withdraw I applied this">
          <button class="button button--small button--secondary" type="submit">
            Withdraw
          </button>
        </PostForm>
      )}
    </details>
  );
}
