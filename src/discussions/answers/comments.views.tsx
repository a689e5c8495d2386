import type { FieldIssue } from '../../core/http/errors.ts';
import { CsrfField, ErrorSummary, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { AnswerExtras } from './answers.loader.ts';
import { BackField } from './answers.views.tsx';
import { COMMENT_MAX, type CommentDto } from './answers.schema.ts';

const topicPath = (x: AnswerExtras) => `/c/${x.slug}/t/${x.topicId}`;

/** Whether the viewer may delete the comment: its author while they may take part, or a steward or moderator. */
export function mayDeleteComment(x: AnswerExtras, c: CommentDto): boolean {
  return x.viewerId !== null && (x.isCore || (c.author.id === x.viewerId && x.mayTakePart));
}

function CommentItem({ ctx, x, c }: { ctx: ViewContext; x: AnswerExtras; c: CommentDto }) {
  const mayDelete = mayDeleteComment(x, c);
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

/** The comment form for one post, shown alone on its page (the error summary links to f-body). */
export function CommentForm(p: { ctx: ViewContext; x: AnswerExtras; postId: number; body?: string; issue?: FieldIssue }) {
  const id = 'f-body';
  return (
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
}

/**
 * The address of a post's comment page, carrying the page to come back to when it is not the topic's
 * own address (the page checks it as the form post does).
 */
export function commentPageHref(x: AnswerExtras, postId: number): string {
  const href = `${topicPath(x)}/posts/${postId}/comments/new`;
  return x.back === topicPath(x) ? href : `${href}?back=${encodeURIComponent(x.back)}`;
}

/**
 * The comments under a question or answer, oldest first, with an "Add a comment" link to the comment
 * page for members who may take part (a link, not a form per post, keeps long topic pages light), and
 * Delete buttons for their authors and for stewards and moderators.
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
      {mayComment && (
        <a class="comment-add" href={commentPageHref(x, postId)}>
          Add a comment
        </a>
      )}
    </div>
  );
}

/** The post a comment page comments on, shown above its form. */
export interface CommentTarget {
  isQuestion: boolean;
  authorName: string;
  /** Rendered from Markdown and made safe when the post was written. */
  bodyHtml: string;
}

/** The page of one post's comment form: linked from the topic page, and shown again (400) when its text was refused. */
export function CommentFormPage(p: { ctx: ViewContext; x: AnswerExtras; postId: number; topicTitle: string; target?: CommentTarget; body: string; issues: FieldIssue[] }) {
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
      {p.target && (
        <figure class="comment-target">
          <figcaption class="meta">{p.target.isQuestion ? `The question, by ${p.target.authorName}` : `The answer by ${p.target.authorName}`}</figcaption>
          <blockquote class="markdown" dangerouslySetInnerHTML={{ __html: p.target.bodyHtml }} />
        </figure>
      )}
      <CommentForm ctx={p.ctx} x={p.x} postId={p.postId} body={p.body} issue={p.issues[0]} />
      <p>
        <a href={`${p.x.back}#post-${p.postId}`}>Back to the topic</a>
      </p>
    </>
  );
}
