import { EmptyState, Pager, PostForm, TimeAgo } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { CommunityDetailT } from './communities.schema.ts';
import type { InvitationView, JoinRequestView } from './requests.store.ts';

/** Pending join requests of a community, each with approve and reject buttons. */
export function RequestsPage({ ctx, c, requests, nextHref }: { ctx: ViewContext; c: CommunityDetailT; requests: JoinRequestView[]; nextHref: string | null }) {
  return (
    <>
      <p class="meta">
        <a href={`/c/${c.slug}`}>← {c.name}</a>
      </p>
      <h1>Join requests for {c.name}</h1>
      {requests.length === 0 ? (
        <EmptyState title="No pending requests">
          <p>
            When someone asks to join, their request waits here. You can also <a href={`/c/${c.slug}/members`}>invite people</a>.
          </p>
        </EmptyState>
      ) : (
        <ul class="card-list">
          {requests.map((r) => (
            <li class="card">
              <h2 class="request__who">
                <a href={`/u/${r.user.username}`}>{r.user.displayName}</a> <span class="meta">@{r.user.username}</span>
              </h2>
              <p class="meta">
                asked <TimeAgo at={r.createdAt} />
              </p>
              {r.message ? <blockquote class="request__message">{r.message}</blockquote> : <p class="meta">No message.</p>}
              <div class="actions">
                <PostForm ctx={ctx} action={`/c/${c.slug}/requests/${r.id}/approve`} class="inline-form">
                  <button type="submit">
                    Approve<span class="visually-hidden"> {r.user.displayName}</span>
                  </button>
                </PostForm>
                <PostForm ctx={ctx} action={`/c/${c.slug}/requests/${r.id}/reject`} class="inline-form">
                  <button type="submit" class="button--secondary">
                    Reject<span class="visually-hidden"> {r.user.displayName}</span>
                  </button>
                </PostForm>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={nextHref} />
    </>
  );
}

/** The signed-in person's pending invitations, each with accept and decline. */
export function InvitationsPage({ ctx, invitations }: { ctx: ViewContext; invitations: InvitationView[] }) {
  return (
    <>
      <h1>Invitations</h1>
      {invitations.length === 0 ? (
        <EmptyState title="No invitations waiting">
          <p>
            Browse the <a href="/communities">community directory</a> to find one to join.
          </p>
        </EmptyState>
      ) : (
        <ul class="card-list">
          {invitations.map((i) => (
            <li class="card">
              <h2>
                <a href={`/c/${i.community.slug}`}>{i.community.name}</a>
              </h2>
              <p>{i.community.domainStatement}</p>
              <p class="meta">
                Invited by {i.invitedBy.displayName} <TimeAgo at={i.createdAt} />
              </p>
              <div class="actions">
                <PostForm ctx={ctx} action={`/invitations/${i.id}/accept`} class="inline-form">
                  <button type="submit">
                    Accept<span class="visually-hidden"> invitation to {i.community.name}</span>
                  </button>
                </PostForm>
                <PostForm ctx={ctx} action={`/invitations/${i.id}/decline`} class="inline-form">
                  <button type="submit" class="button--secondary">
                    Decline<span class="visually-hidden"> invitation to {i.community.name}</span>
                  </button>
                </PostForm>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
