import { CsrfField, PostForm } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { CommunityDetailT, CommunitySummaryT } from './communities.schema.ts';

/** Badges for a community's form: Formal/Informal, Local (where)/Distributed, Private. */
export function FormBadges({ c }: { c: Pick<CommunitySummaryT, 'formality' | 'locality' | 'location' | 'visibility' | 'joinPolicy'> }) {
  return (
    <p class="community-badges">
      <span class="badge">{c.formality === 'formal' ? 'Formal' : 'Informal'}</span>{' '}
      <span class="badge">{c.locality === 'local' ? `Local (${c.location})` : 'Distributed'}</span>{' '}
      {c.visibility === 'private' && <span class="badge badge--private">Private</span>}{' '}
      {c.joinPolicy === 'approval' && <span class="badge">Join by request</span>}
      {c.joinPolicy === 'invite' && <span class="badge">Invitation only</span>}
    </p>
  );
}

/** A community's tags, each linking to the directory filtered by it. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label="Tags">
      {tags.map((t) => (
        <li>
          <a href={`/communities?tag=${encodeURIComponent(t)}`}>{t}</a>
        </li>
      ))}
    </ul>
  );
}

/** One community in a list: name, domain, tags, form, member count. */
export function CommunityCard({ c }: { c: CommunitySummaryT }) {
  return (
    <li class="card community-card">
      <h2 class="community-card__name">
        <a href={`/c/${c.slug}`}>{c.name}</a>
      </h2>
      <p>{c.domainStatement}</p>
      <FormBadges c={c} />
      <TagList tags={c.tags} />
      <p class="meta">{c.memberCount === 1 ? '1 member' : `${c.memberCount} members`}</p>
    </li>
  );
}

/** "Dana joined", "Eli started a discussion": a short phrase for an activity verb. */
export function activityPhrase(verb: string): string {
  const phrases: Record<string, string> = {
    'community.created': 'created the community',
    'community.updated': 'updated the community settings',
    'community.joined': 'joined',
    'community.left': 'left',
    'community.join_requested': 'asked to join',
    'community.request_approved': 'approved a request to join',
    'community.request_rejected': 'declined a request to join',
    'community.invited': 'invited someone',
    'community.invitation_declined': 'declined an invitation',
    'community.member_removed': 'removed a member',
    'community.role_changed': "changed a member's role",
    'topic.created': 'started a topic',
    'post.created': 'replied to a topic',
    'article.created': 'wrote an article',
    'article.endorsed': 'endorsed an article',
    'glossary.term_created': 'defined a glossary term',
    'collection.created': 'put together a collection',
  };
  return phrases[verb] ?? verb.replace(/^[a-z]+\./, '').replace(/_/g, ' ');
}

/** The join / request / invitation / leave control the viewer needs on the community's page. */
export function ViewerActions({ ctx, c }: { ctx: ViewContext; c: CommunityDetailT }) {
  const v = c.viewer;
  const base = `/c/${c.slug}`;
  if (!ctx.actor) {
    return (
      <p class="actions">
        <a class="button" href={`/signin?next=${encodeURIComponent(base)}`}>
          Sign in to join
        </a>
      </p>
    );
  }
  if (v.role) {
    return (
      <div class="actions">
        <p class="meta">You are a {v.role} of this community.</p>
        {v.role === 'steward' && (c.stewards?.length ?? 0) <= 1 ? (
          <p class="meta">As its only steward, appoint another steward before you leave.</p>
        ) : (
          <PostForm ctx={ctx} action={`${base}/leave`} class="inline-form">
            <button type="submit" class="button button--secondary button--small">
              Leave community
            </button>
          </PostForm>
        )}
      </div>
    );
  }
  if (v.invitationId !== null) {
    return (
      <div class="notice community-invite">
        <p>You have been invited to join this community.</p>
        <div class="actions">
          <PostForm ctx={ctx} action={`/invitations/${v.invitationId}/accept`} class="inline-form">
            <button type="submit">Accept invitation</button>
          </PostForm>
          <PostForm ctx={ctx} action={`/invitations/${v.invitationId}/decline`} class="inline-form">
            <button type="submit" class="button--secondary">
              Decline
            </button>
          </PostForm>
        </div>
      </div>
    );
  }
  if (v.canJoin) {
    return (
      <PostForm ctx={ctx} action={`${base}/join`} class="actions">
        <button type="submit">Join community</button>
      </PostForm>
    );
  }
  if (v.pendingRequestId !== null) return <p class="notice">Your request to join is waiting for a steward.</p>;
  if (c.joinPolicy === 'approval') {
    return (
      <form method="post" action={`${base}/request`} class="community-request">
        <CsrfField ctx={ctx} />
        <label for="f-message">Message to the stewards <span class="field__optional">(optional)</span></label>
        <textarea id="f-message" name="message" rows={3} maxLength={1000} />
        <p class="actions">
          <button type="submit">Request to join</button>
        </p>
      </form>
    );
  }
  return <p class="notice">This community is joined by invitation only.</p>;
}
