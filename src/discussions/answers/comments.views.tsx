import type { FieldIssue } from '../../core/http/errors.ts';
import { CsrfField, ErrorSummary, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { AnswerExtras } from './answers.loader.ts';
import { BackField } from './answers.views.tsx';
import { COMMENT_MAX, type CommentDto } from './answers.schema.ts';

const topicPath = (x: AnswerExtras) => `/c/${x.slug}/t/${x.topicId}`;

function CommentItem({ ctx, x, c }: { ctx: ViewContext; x: AnswerExtras; c: CommentDto }) {
  const mayDelete = x.viewerId !== null && (x.isCore || (c.author.id === x.viewerId && x.mayTakePart));
  return (
    <li class="comment" id={`comment-${c.id}`}>
      {/* body_html was rendered from Markdown and made safe when the comment was written. */}
      <div class="comment__body markdown" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      <div class="comment__meta meta">
        — <a href={`/u/${c.author.username}`}>{c.author.displayName}</a> <TimeAgo at={c.createdAt} />
        {mayDelete && (
          <form method="post" action={`${topicPath(x)}/comments/${c.id}/delete`} class="comment__delete">
            <CsrfField ctx={ctx} />
            <BackField x={x} />
            <button type="submit" class="link-button" aria-label={`Delete comment by ${c.author.displayName}`}>
              Delete
            </button>
          </form>
        )}
      </div>
    </li>
  );
}

/**
 * The comment form for one post. Inside a topic page it folds into "Add a comment" and its ids carry
 * the post id (many forms share the page); `open` shows it alone, where the error summary links to f-body.
 */
export function CommentForm(p: { ctx: ViewContext; x: AnswerExtras; postId: number; body?: string; issue?: FieldIssue; open?: boolean }) {
  const id = p.open ? 'f-body' : `comment-body-${p.postId}`;
  const form = (
    <form method="post" action={`${topicPath(p.x)}/posts/${p.postId}/comments`} class="comment-form">
      <CsrfField ctx={p.ctx} />
      <BackField x={p.x} />
      <label for={id}>Your comment</label>
      <p class="field__hint" id={`${id}-hint`}>
        Short Markdown, up to {COMMENT_MAX} characters. Ask for clarity or suggest an improvement; answer in an answer.
      </p>
      {p.issue && (
        <p class="field__error" id={`${id}-error`}>
          {p.issue.message}
        </p>
      )}
      <textarea id={id} name="body" rows={3} maxLength={COMMENT_MAX} required aria-describedby={p.issue ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={p.issue ? 'true' : undefined} value={p.body ?? ''} />
      <button type="submit" class="button--small">
        Add comment
      </button>
    </form>
  );
  if (p.open) return form;
  return (
    <details class="comment-add">
      <summary>Add a comment</summary>
      {form}
    </details>
  );
}

/**
 * The comments under a question or answer, oldest first, with a small "Add a comment" form for members
 * who may take part, and Delete buttons for their authors and for stewards and moderators.
 */
export function CommentsBlock({ ctx, x, postId }: { ctx: ViewContext; x: AnswerExtras; postId: number }) {
  const p = x.posts.get(postId);
  if (!p?.votable) return null;
  const mayComment = x.mayTakePart && !p.deleted;
  if (p.comments.length === 0 && !mayComment) return null;
  return (
    <div class="comments">
      {p.comments.length > 0 && (
        <ul class="comment-list" aria-label={`Comments (${p.comments.length})`}>
          {p.comments.map((c) => (
            <CommentItem ctx={ctx} x={x} c={c} />
          ))}
        </ul>
      )}
      {mayComment && <CommentForm ctx={ctx} x={x} postId={postId} />}
    </div>
  );
}

/** The page a comment form comes back to when its text was refused (no JavaScript needed). */
export function CommentFormPage(p: { ctx: ViewContext; x: AnswerExtras; postId: number; topicTitle: string; body: string; issues: FieldIssue[] }) {
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumbs">
          <li>
            <a href={topicPath(p.x)}>{p.topicTitle}</a>
          </li>
        </ol>
      </nav>
      <h1>Add a comment</h1>
      <ErrorSummary issues={p.issues} />
      <CommentForm ctx={p.ctx} x={p.x} postId={p.postId} body={p.body} issue={p.issues[0]} open />
      <p>
        <a href={`${p.x.back}#post-${p.postId}`}>Back to the topic</a>
      </p>
    </>
  );
}
