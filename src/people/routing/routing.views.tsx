import type { FieldIssue } from '../../core/http/errors.ts';
import { Breadcrumbs, EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { RESPONSE_TARGET_MAX, RESPONSE_TARGET_MIN } from './escalation.ts';
import type { Suggestion } from './routing.service.ts';
import type { OpenInvitation } from './routing.store.ts';

interface Community {
  slug: string;
  name: string;
}

/** One suggested person: name, reasons, and an "Invite to answer" button (or "Invited"). */
function SuggestionLine(p: { ctx: ViewContext; s: Suggestion; action: string }) {
  return (
    <li>
      <a href={`/u/${p.s.user.username}`}>{p.s.user.displayName}</a> <span class="meta">@{p.s.user.username} · {p.s.reasons.map((r) => r.text).join(' · ')}</span>{' '}
      {p.s.invitation === 'open' ? (
        <span class="meta">· invited</span>
      ) : (
        <PostForm ctx={p.ctx} action={p.action} class="inline-form" aria-label={`Invite ${p.s.user.displayName} to answer`}>
          <input type="hidden" name="username" value={p.s.user.username} />
          <button type="submit" class="button button--small">
            Invite to answer
          </button>
        </PostForm>
      )}
    </li>
  );
}

/** The "Who could answer this?" box on an open question, for its asker, stewards and moderators. */
export function SuggestionsBox(p: { ctx: ViewContext; slug: string; topicId: number; items: Suggestion[] }) {
  const base = `/c/${p.slug}/t/${p.topicId}`;
  return (
    <details class="related" open>
      <summary>Who could answer this?</summary>
      {p.items.length === 0 ? (
        <p class="meta">Nobody stands out yet from this community’s answers. You can still invite someone by name.</p>
      ) : (
        <ul class="related__list">
          {p.items.map((s) => (
            <SuggestionLine ctx={p.ctx} s={s} action={`${base}/invitations`} />
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}/invite`}>Invite someone by name</a>
      </p>
    </details>
  );
}

/** For an invitee on the question page: the invitation, and a Decline button. */
export function InvitedNotice(p: { ctx: ViewContext; invitationId: number }) {
  return (
    <div class="related" role="note">
      <p>
        You were invited to answer this question.{' '}
        <PostForm ctx={p.ctx} action={`/me/answer-invitations/${p.invitationId}/decline`} class="inline-form">
          <button type="submit" class="button button--small">
            Decline
          </button>
        </PostForm>
      </p>
    </div>
  );
}

/** The invite page of a question: the suggestions and a username field. */
export function InvitePage(p: { ctx: ViewContext; community: Community; topic: { id: number; title: string }; items: Suggestion[]; username: string; issues: FieldIssue[] }) {
  const base = `/c/${p.community.slug}/t/${p.topic.id}`;
  return (
    <>
      <Breadcrumbs community={p.community} trail={[{ href: base, label: p.topic.title }]} />
      <h1>Invite to answer: {p.topic.title}</h1>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`${base}/invitations`} aria-label="Invite by username">
        <Field name="username" label="Username" value={p.username} issues={p.issues} required maxLength={100} hint="They get a notification with a link to the question." />
        <button type="submit" class="button">
          Invite to answer
        </button>
      </PostForm>
      <h2>Suggested</h2>
      {p.items.length === 0 ? (
        <EmptyState title="No suggestions yet">
          <p>Suggestions come from who answered here lately, in these tags and on similar questions; people who already answered or declined are left out.</p>
        </EmptyState>
      ) : (
        <ul class="related__list">
          {p.items.map((s) => (
            <SuggestionLine ctx={p.ctx} s={s} action={`${base}/invitations`} />
          ))}
        </ul>
      )}
    </>
  );
}

/** A member's open invitations to answer, each with a Decline button. */
export function MyInvitationsPage(p: { ctx: ViewContext; items: OpenInvitation[]; nextHref: string | null }) {
  return (
    <>
      <h1>Questions you were invited to answer</h1>
      {p.items.length === 0 ? (
        <EmptyState title="No open invitations">
          <p>When someone asks you to answer a question, it shows here.</p>
        </EmptyState>
      ) : (
        <ul class="topic-list">
          {p.items.map((i) => (
            <li>
              <div>
                <a class="topic-title" href={`/c/${i.community.slug}/t/${i.topicId}`}>
                  {i.title}
                </a>
                <p class="meta">
                  in {i.community.name} · {i.invitedBy ? `invited by ${i.invitedBy.displayName}` : 'escalated: unanswered past the response target'} · <TimeAgo at={i.createdAt} />
                </p>
              </div>
              <PostForm ctx={p.ctx} action={`/me/answer-invitations/${i.id}/decline`} class="inline-form" aria-label={`Decline: ${i.title}`}>
                <button type="submit" class="button button--small">
                  Decline
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

/** Stewards set the community's response target. */
export function RoutingSettingsPage(p: { ctx: ViewContext; community: Community; value: string; isDefault: boolean; issues: FieldIssue[] }) {
  return (
    <>
      <Breadcrumbs community={p.community} trail={[{ href: `/c/${p.community.slug}/settings/routing`, label: 'Question routing' }]} />
      <h1>Question routing</h1>
      <p>Questions with no answer after this many hours are escalated: the next members most likely to answer are invited, up to three rounds (at one, two and three times the target).</p>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`/c/${p.community.slug}/settings/routing`}>
        <Field name="responseTargetHours" label="Response target (hours)" type="number" value={p.value} issues={p.issues} required hint={`From ${RESPONSE_TARGET_MIN} to ${RESPONSE_TARGET_MAX}.${p.isDefault ? ' This is the default; saving sets it for this community.' : ''}`} />
        <button type="submit" class="button">
          Save
        </button>
      </PostForm>
    </>
  );
}
