import { EmptyState, Pager, PostForm, TimeAgo } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { AccountKind } from '../core/db/tables/analytics.ts';
import { accountKinds } from './admin.schema.ts';
import type { AdminCommunity, AdminUser, PlatformStats } from './admin.store.ts';

const sections = [
  ['/admin', 'Overview'],
  ['/admin/users', 'Users'],
  ['/admin/communities', 'Communities'],
] as const;

/** The admin area's own navigation. */
export function AdminNav({ current }: { current: (typeof sections)[number][0] }) {
  return (
    <nav aria-label="Admin" class="admin-nav">
      {sections.map(([href, label]) => (
        <a href={href} aria-current={href === current ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}

/** /admin: how much there is on the platform. */
export function OverviewPage({ stats }: { stats: PlatformStats }) {
  const items: Array<[string, number, string]> = [
    ['Users', stats.users, '/admin/users'],
    ['Communities', stats.communities, '/admin/communities'],
    ['Topics', stats.topics, ''],
    ['Posts', stats.posts, ''],
  ];
  return (
    <>
      <h1>Admin</h1>
      <AdminNav current="/admin" />
      <h2>At a glance</h2>
      <dl class="stats">
        {items.map(([label, n, href]) => (
          <div class="card stats__item">
            <dt>{href ? <a href={href}>{label}</a> : label}</dt>
            <dd>{n.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function RoleButton({ ctx, user, q }: { ctx: ViewContext; user: AdminUser; q: string }) {
  const to = user.role === 'admin' ? 'member' : 'admin';
  const label = to === 'admin' ? 'Make admin' : 'Make member';
  return (
    <PostForm ctx={ctx} action={`/admin/users/${user.id}/role`} class="inline-form">
      <input type="hidden" name="q" value={q} />
      <button type="submit" name="role" value={to} class="button--small button--secondary" aria-label={`${label}: ${user.displayName}`}>
        {label}
      </button>
    </PostForm>
  );
}

/** How the users page names each account kind. */
export const kindLabel: Record<AccountKind, string> = { person: 'a person', staff: 'staff', bot: 'a bot' };
const kindOption: Record<AccountKind, string> = { person: 'Person', staff: 'Staff', bot: 'Bot' };

/** A small form per user: which kind of account it is (staff and bots are left out of health figures). */
function KindForm({ ctx, user, q }: { ctx: ViewContext; user: AdminUser; q: string }) {
  const id = `kind-${user.id}`;
  return (
    <PostForm ctx={ctx} action={`/admin/users/${user.id}/kind`} class="inline-form">
      <input type="hidden" name="q" value={q} />
      <label for={id} class="visually-hidden">
        Account kind of {user.displayName}
      </label>
      <select id={id} name="accountKind">
        {accountKinds.map((k) => (
          <option value={k} selected={k === user.accountKind}>
            {kindOption[k]}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button--small button--secondary" aria-label={`Set account kind: ${user.displayName}`}>
        Set
      </button>
    </PostForm>
  );
}

/** /admin/users: search, list and change organisation roles and account kinds. */
export function UsersPage(p: { ctx: ViewContext; users: AdminUser[]; q: string; nextHref: string | null; problem: string | null }) {
  return (
    <>
      <h1>Users</h1>
      <AdminNav current="/admin/users" />
      {p.problem && (
        <p class="error-summary" role="alert">
          {p.problem}
        </p>
      )}
      <p class="meta">Mark community managers, support staff and automations as staff or bots: community health figures count people only.</p>
      <form method="get" action="/admin/users" class="filters" role="search">
        <div class="field">
          <label for="f-q">Search users</label>
          <input type="search" id="f-q" name="q" value={p.q} maxLength={100} />
        </div>
        <button type="submit">Search</button>
      </form>
      {p.users.length === 0 ? (
        <EmptyState title={p.q ? `No users match “${p.q}”` : 'No users yet'}>{p.q && <a href="/admin/users">Show everyone</a>}</EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Users, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Joined</th>
                <th scope="col">Role</th>
                <th scope="col">Account kind</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.users.map((u) => (
                <tr>
                  <td>
                    <a href={`/u/${u.username}`}>{u.displayName}</a> <span class="meta">@{u.username}</span>
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <TimeAgo at={u.createdAt} />
                  </td>
                  <td>{u.role === 'admin' ? <span class="badge badge--admin">Admin</span> : 'Member'}</td>
                  <td>
                    <KindForm ctx={p.ctx} user={u} q={p.q} />
                  </td>
                  <td>
                    <RoleButton ctx={p.ctx} user={u} q={p.q} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

const joinPolicyLabel = { open: 'Open', approval: 'By approval', invite: 'Invite only' } as const;

/** /admin/communities: every community's metadata, private and secret ones included. */
export function CommunitiesPage({ communities, nextHref }: { communities: AdminCommunity[]; nextHref: string | null }) {
  return (
    <>
      <h1>Communities</h1>
      <AdminNav current="/admin/communities" />
      <p class="meta">Every community, private ones included. Only names and settings show here; to read a private community's content, join it (members see that you did).</p>
      {communities.length === 0 ? (
        <EmptyState title="No communities yet">
          <p>
            <a href="/communities">Go to the directory</a> to start the first one.
          </p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">Communities by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Address</th>
                <th scope="col">Visibility</th>
                <th scope="col">Join policy</th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {communities.map((c) => (
                <tr>
                  <td>
                    <a href={`/c/${c.slug}`}>{c.name}</a>
                  </td>
                  <td>/c/{c.slug}</td>
                  <td>{c.visibility === 'private' ? <span class="badge badge--private">Private</span> : 'Public'}</td>
                  <td>{joinPolicyLabel[c.joinPolicy]}</td>
                  <td>{c.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager nextHref={nextHref} />
    </>
  );
}
