import type { CommunityRole } from '../core/db/schema.ts';
import { EmptyState } from '../core/views/components.tsx';
import type { Actor } from '../core/permissions/index.ts';
import { ActivityFeed } from './activity-feed.views.tsx';
import type { FeedEntry } from './activity.store.ts';
import type { HomeCommunity } from './home.store.ts';

function members(n: number): string {
  return `${n} ${n === 1 ? 'member' : 'members'}`;
}

function CommunityCard({ c, role }: { c: HomeCommunity; role?: CommunityRole }) {
  return (
    <li class="card">
      <h3>
        <a href={`/c/${c.slug}`}>{c.name}</a>
      </h3>
      <p>{c.domainStatement}</p>
      <p class="meta">
        {members(c.memberCount)}
        {c.visibility === 'private' && (
          <>
            {' '}
            · <span class="badge badge--private">Private</span>
          </>
        )}
        {role && role !== 'member' && (
          <>
            {' '}
            · <span class="badge">{role === 'steward' ? 'Steward' : 'Moderator'}</span>
          </>
        )}
      </p>
    </li>
  );
}

/** The home page for visitors who are not signed in: what Guildhall is, public communities, sign up. */
export function WelcomePage({ communities }: { communities: HomeCommunity[] }) {
  return (
    <>
      <section class="welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">A home for communities of practice</h1>
        <p class="welcome__lead">
          A community of practice is a group of people who share a domain — a craft, a concern, a problem they care about — and get better at it by learning
          from each other, regularly. Guildhall is where they meet.
        </p>
        <ul class="welcome__points">
          <li>
            <strong>Share a domain.</strong> Each community says what it is about and who it is for, so the right people find it.
          </li>
          <li>
            <strong>Help each other.</strong> Ask questions, discuss, and answer from experience; nobody has to solve it alone.
          </li>
          <li>
            <strong>Build a shared practice.</strong> What the community learns stays findable, so newcomers start where others left off.
          </li>
        </ul>
        <div class="actions">
          <a class="button" href="/signup">
            Create an account
          </a>
          <a href="/signin">Sign in</a>
          <a href="/communities">Browse communities</a>
        </div>
      </section>
      <section aria-labelledby="public-title">
        <h2 id="public-title">Public communities</h2>
        {communities.length === 0 ? (
          <EmptyState title="No public communities yet">
            <p>
              <a href="/signup">Create an account</a> and start the first one.
            </p>
          </EmptyState>
        ) : (
          <ul class="card-list grid-2">
            {communities.map((c) => (
              <CommunityCard c={c} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The home page for a signed-in member: latest activity, their communities, invitations waiting. */
export function DashboardPage(p: {
  actor: Actor;
  communities: Array<HomeCommunity & { role: CommunityRole }>;
  pendingInvitations: number;
  feed: FeedEntry[];
  nextHref: string | null;
}) {
  const n = p.pendingInvitations;
  return (
    <>
      <h1>Welcome back, {p.actor.displayName}</h1>
      <nav aria-label="Your things">
        <ul class="chips">
          <li>
            <a href="/me/topics">Your topics</a>
          </li>
          <li>
            <a href="/bookmarks">Bookmarks</a>
          </li>
          <li>
            <a href="/notifications">Notifications</a>
          </li>
          <li>
            <a href={`/u/${p.actor.username}`}>Your profile</a>
          </li>
        </ul>
      </nav>
      {n > 0 && (
        <p class="notice">
          <a href="/invitations">
            You have {n} {n === 1 ? 'invitation' : 'invitations'} waiting
          </a>{' '}
          to join a community.
        </p>
      )}
      <div class="layout-sidebar">
        <section aria-labelledby="feed-title">
          <h2 id="feed-title">Latest activity</h2>
          <ActivityFeed entries={p.feed} nextHref={p.nextHref} />
        </section>
        <aside aria-labelledby="mine-title">
          <h2 id="mine-title">Your communities</h2>
          {p.communities.length === 0 ? (
            <EmptyState title="You have not joined a community yet">
              <p>
                <a href="/communities">Browse the communities</a> and join one whose domain you share.
              </p>
            </EmptyState>
          ) : (
            <ul class="card-list">
              {p.communities.map((c) => (
                <CommunityCard c={c} role={c.role} />
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}
