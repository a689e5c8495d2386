import type { FieldIssue } from '../../core/http/errors.ts';
import { ErrorSummary, PostForm } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { TopicBreadcrumb } from '../../discussions/discussions.views.tsx';
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

/** Where the block's forms post, or (`formHref`) the page that holds them instead. */
type AppliedFormsAt = { formHref: string } | { formHref?: undefined; ctx: ViewContext; action: string; uid: string };

/**
 * "I applied this": the count and notes, and for members who did not write it either the forms to
 * record it (or change the note) and to withdraw, or, with `formHref`, a link to the page with them
 * (topic pages: one block per answer, issue 6). `uid` makes the ids unique on a page with several.
 */
export function AppliedBlock(p: { s: AppliedSummary; canMark: boolean; what: string } & AppliedFormsAt) {
  const { s } = p;
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
      {p.canMark &&
        (p.formHref !== undefined ? (
          <p class="applied__link">
            <a href={p.formHref}>{s.mine ? 'Update my note or withdraw' : 'I applied this'}</a>
          </p>
        ) : (
          <AppliedForms ctx={p.ctx} action={p.action} mine={s.mine} noteId={`applied-note-${p.uid}`} label={`I applied this ${p.what}`} />
        ))}
    </details>
  );
}

/** The form recording "I applied this" with its note (or changing the note), and Withdraw when the viewer has. */
function AppliedForms(p: { ctx: ViewContext; action: string; mine: AppliedSummary['mine']; noteId: string; label: string; rows?: number; note?: string; error?: string }) {
  const errorId = `${p.noteId}-error`;
  return (
    <>
      <PostForm ctx={p.ctx} action={p.action} class="applied__form" aria-label={p.label}>
        <label for={p.noteId}>
          What did you do with it? <span class="field__optional">(optional)</span>
        </label>
        {p.error && (
          <p class="field__error" id={errorId}>
            {p.error}
          </p>
        )}
        <textarea
          id={p.noteId}
          name="note"
          rows={p.rows ?? 2}
          maxLength={APPLIED_NOTE_MAX}
          value={p.note ?? p.mine?.note ?? ''}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={p.error ? errorId : undefined}
        />
        <button class="button button--small" type="submit">
          {p.mine ? 'Update my note' : 'I applied this'}
        </button>
      </PostForm>
      {p.mine && (
        <PostForm ctx={p.ctx} action={`${p.action}/withdraw`} class="inline-form" aria-label="Withdraw I applied this">
          <button class="button button--small button--secondary" type="submit">
            Withdraw
          </button>
        </PostForm>
      )}
    </>
  );
}

/**
 * The page with the "I applied this" forms of one answer (linked from under it on the topic page), and
 * the way back to it. `issues` come from a refused note.
 */
export function AppliedAnswerPage(p: {
  ctx: ViewContext;
  topic: { id: number; title: string; community: { slug: string; name: string } };
  answer: { id: number; author: { username: string; displayName: string } };
  /** The answer on the page of its topic that holds it. */
  backHref: string;
  s: AppliedSummary;
  /** The note as sent, when it was refused. */
  note?: string;
  issues: FieldIssue[];
}) {
  const others = p.s.count - (p.s.mine ? 1 : 0);
  return (
    <>
      <TopicBreadcrumb community={p.topic.community} topic={p.topic} />
      <h1>I applied an answer to “{p.topic.title}”</h1>
      <p>
        The answer by <a href={`/u/${p.answer.author.username}`}>{p.answer.author.displayName}</a>
        {others > 0 && <>, which {others === 1 ? '1 other member' : `${others} other members`} applied too</>}. Your note is shown under it to everyone who can read the topic.
      </p>
      <ErrorSummary issues={p.issues} />
      <AppliedForms
        ctx={p.ctx}
        action={`/c/${p.topic.community.slug}/t/${p.topic.id}/posts/${p.answer.id}/applied`}
        mine={p.s.mine}
        noteId="f-note"
        label="I applied this answer"
        rows={4}
        note={p.note}
        error={p.issues.find((i) => i.field === 'note')?.message}
      />
      <p>
        <a href={p.backHref}>Back to the answer</a>
      </p>
    </>
  );
}
