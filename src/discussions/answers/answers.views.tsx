import type { ViewContext } from '../../core/views/context.ts';
import { CsrfField, POST_ACTIONS_FORM } from '../../core/views/components.tsx';
import type { AnswerExtras } from './answers.loader.ts';

interface Props {
  ctx: ViewContext;
  x: AnswerExtras;
  postId: number;
}

const topicPath = (x: AnswerExtras) => `/c/${x.slug}/t/${x.topicId}`;

/**
 * The page a Q&A form comes back to, as a hidden `back` field: left out when it is the topic's own
 * address, which the routes go back to without one (a 50-post page would carry it ~150 times).
 */
export function BackField({ x }: { x: AnswerExtras }) {
  return x.back === topicPath(x) ? null : <input type="hidden" name="back" value={x.back} />;
}

/** The hidden fields every Q&A form carries: the CSRF token and the page to come back to. */
function FormBasics({ ctx, x }: { ctx: ViewContext; x: AnswerExtras }) {
  return (
    <>
      <CsrfField ctx={ctx} />
      <BackField x={x} />
    </>
  );
}

/**
 * The score of a question or answer, with ▲/▼ buttons (titled "Upvote"/"Downvote", which is also their
 * accessible name as the glyph is hidden from screen readers; aria-pressed for the viewer's vote;
 * pressing it again takes the vote back) for members who may vote on it. The buttons submit the page's
 * PostActionsForm to the post's vote address, so they work without JavaScript; static/vote.js makes
 * them work in place through the API. Nothing for posts that take no votes.
 */
export function VoteControls({ x, postId }: { x: AnswerExtras; postId: number }) {
  const p = x.posts.get(postId);
  if (!p?.votable) return null;
  const score = (
    <span class="vote__score" aria-live="polite">
      <span class="visually-hidden">Score: </span>
      <span data-vote-score>{p.score}</span>
    </span>
  );
  const mayVote = x.mayTakePart && !p.deleted && p.authorId !== x.viewerId;
  if (!mayVote) return <div class="vote vote--readonly">{score}</div>;
  const action = `${topicPath(x)}/posts/${postId}/vote`;
  const button = (value: 1 | -1, label: string, glyph: string) => (
    <button
      type="submit"
      form={POST_ACTIONS_FORM}
      formAction={action}
      name="value"
      value={p.myVote === value ? '0' : String(value)}
      data-vote-value={String(value)}
      class={`vote__button vote__button--${value === 1 ? 'up' : 'down'}`}
      title={label}
      aria-pressed={p.myVote === value ? 'true' : 'false'}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
  return (
    <div class="vote" data-vote-post={String(postId)}>
      {button(1, 'Upvote', '▲')}
      {score}
      {button(-1, 'Downvote', '▼')}
    </div>
  );
}

/**
 * On an answer: "✓ Accepted answer" when it is the accepted one (leave out with `badge={false}` where
 * the page marks it already), and for those allowed (accept_by) an "Accept this answer" or "Unaccept"
 * button. Nothing on other posts.
 */
export function AcceptControl({ ctx, x, postId, badge: showBadge = true }: Props & { badge?: boolean }) {
  const p = x.posts.get(postId);
  if (!p?.isAnswer) return null;
  const accepted = x.acceptedPostId === postId;
  const badge = accepted && showBadge ? <p class="accepted-badge">✓ Accepted answer</p> : null;
  if (!x.mayAccept || p.deleted) return badge;
  return (
    <div class="accept">
      {badge}
      <form method="post" action={accepted ? `${topicPath(x)}/unaccept` : `${topicPath(x)}/posts/${postId}/accept`}>
        <FormBasics ctx={ctx} x={x} />
        <button type="submit" class="button--secondary button--small">
          {accepted ? 'Unaccept' : 'Accept this answer'}
        </button>
      </form>
    </div>
  );
}

