import type { FieldIssue } from '../core/http/errors.ts';
import { Avatar, EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { CommunityDetailT } from './communities.schema.ts';
import type { MemberRow } from './membership.store.ts';

interface MembersProps {
  ctx: ViewContext;
  c: CommunityDetailT;
  members: MemberRow[];
  nextHref: string | null;
  /** May change roles (stewards, admins). */
  canChangeRoles: boolean;
  invite: { username: string; issues: FieldIssue[] };
}

const roleLabel = { steward: 'Steward', moderator: 'Moderator', member: 'Member' } as const;

function ManageForms({ ctx, c, m, canChangeRoles }: { ctx: ViewContext; c: CommunityDetailT; m: MemberRow; canChangeRoles: boolean }) {
  const base = `/c/${c.slug}/members/${encodeURIComponent(m.username)}`;
  // Moderators manage members and moderators, never stewards.
  const mayRemove = canChangeRoles || m.role !== 'steward';
  return (
    <div class="member-manage">
      {canChangeRoles && (
        <PostForm ctx={ctx} action={`${base}/role`} class="inline-form" aria-label={`Role of ${m.displayName}`}>
          <label for={`role-${m.userId}`} class="visually-hidden">
            Role of {m.displayName}
          </label>
          <select id={`role-${m.userId}`} name="role">
            {(['steward', 'moderator', 'member'] as const).map((r) => (
              <option value={r} selected={r === m.role}>
                {roleLabel[r]}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button--small button--secondary">
            Change role
          </button>
        </PostForm>
      )}{' '}
      {mayRemove && (
        <PostForm ctx={ctx} action={`${base}/remove`} class="inline-form" aria-label={`Remove ${m.displayName}`}>
          <button type="submit" class="button--small button--danger">
            Remove<span class="visually-hidden"> {m.displayName}</span>
          </button>
        </PostForm>
      )}
    </div>
  );
}

/** The member list with roles; managers also get role and remove forms and the invite form. */
export function MembersPage({ ctx, c, members, nextHref, canChangeRoles, invite }: MembersProps) {
  const manage = c.viewer.canManageMembers;
  return (
    <>
      <p class="meta">
        <a href={`/c/${c.slug}`}>← {c.name}</a>
      </p>
      <h1>Members of {c.name}</h1>
      <p>{c.memberCount === 1 ? '1 member' : `${c.memberCount} members`}</p>
      {manage && (
        <section class="card community-invite-form" aria-labelledby="invite-h">
          <h2 id="invite-h">Invite someone</h2>
          <ErrorSummary issues={invite.issues} />
          <PostForm ctx={ctx} action={`/c/${c.slug}/invitations`}>
            <Field name="username" label="Username" value={invite.username} issues={invite.issues} required maxLength={60} hint="They will see the invitation on their Invitations page." />
            <button type="submit">Send invitation</button>
          </PostForm>
          <p>
            <a href={`/c/${c.slug}/requests`}>Pending join requests</a>
          </p>
        </section>
      )}
      {members.length === 0 ? (
        <EmptyState title="No members yet — invite the first" />
      ) : (
        <ul class="member-list">
          {members.map((m) => (
            <li class="member-list__item">
              <span class="person">
                <Avatar name={m.displayName} size="sm" />
                <a href={`/u/${m.username}`}>{m.displayName}</a>
                <span class="meta">@{m.username}</span>
                <span class={`badge badge--role-${m.role}`}>{roleLabel[m.role]}</span>
              </span>
              <span class="meta">
                joined <TimeAgo at={m.joinedAt} />
              </span>
              {manage && <ManageForms ctx={ctx} c={c} m={m} canChangeRoles={canChangeRoles} />}
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={nextHref} />
    </>
  );
}
