import { Avatar, EmptyState, TimeAgo } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { ComponentChildren } from 'preact';
import type { Profile, ProfileActivity, ProfileCommunity } from './people.schema.ts';
import { AboutMore, DeclaredSkills, FollowBar, ProfessionalFacts } from './profiles/profile-parts.views.tsx';

const roleLabel: Record<ProfileCommunity['role'], string> = { steward: 'Steward', moderator: 'Moderator', member: 'Member' };

/** The wall-clock time in a time zone, e.g. "14:05", or null when it cannot be told. */
export function localTime(timeZone: string, now: Date = new Date()): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    return null;
  }
}

function ActivityLine({ a }: { a: ProfileActivity }) {
  const community = <a href={`/c/${a.community.slug}`}>{a.community.name}</a>;
  const topic = a.topicId !== null && a.title ? <a href={`/c/${a.community.slug}/t/${a.topicId}`}>{a.title}</a> : null;
  switch (a.verb) {
    case 'community.created':
      return <>Started the community {community}</>;
    case 'community.joined':
      return <>Joined {community}</>;
    case 'topic.created':
      return <>Started {topic ?? 'a topic'} in {community}</>;
    case 'post.created':
      return <>Replied to {topic ?? 'a topic'} in {community}</>;
    case 'article.created':
      return <>Wrote the article {a.title ? <q>{a.title}</q> : 'an article'} in {community}</>;
    case 'article.endorsed':
      return <>Endorsed an article in {community}</>;
    case 'glossary.term_created':
      return <>Added a glossary term in {community}</>;
    case 'collection.created':
      return <>Made a collection in {community}</>;
    default:
      return <>{a.verb.replace(/[._]/g, ' ')} in {community}</>;
  }
}

function Communities({ communities, own }: { communities: ProfileCommunity[]; own: boolean }) {
  if (communities.length === 0) {
    return own ? (
      <EmptyState title="You have not joined a community yet.">
        <p>
          <a href="/communities">Find a community to join</a>
        </p>
      </EmptyState>
    ) : (
      <p class="meta">Not a member of any community you can see.</p>
    );
  }
  return (
    <ul class="profile-communities">
      {communities.map((c) => (
        <li>
          <a href={`/c/${c.slug}`}>{c.name}</a> <span class="meta">{roleLabel[c.role]}</span>
          {c.visibility === 'private' && <span class="badge badge--private">Private</span>}
        </li>
      ))}
    </ul>
  );
}

/** A person's profile page; `slots` are the sections of the people features (see profile-slots.tsx). */
export function ProfilePage({ ctx, profile, slots }: { ctx: ViewContext; profile: Profile; slots: { main: ComponentChildren[]; aside: ComponentChildren[] } }) {
  const own = ctx.actor?.username === profile.username;
  const time = profile.timeZone ? localTime(profile.timeZone) : null;
  return (
    <div class="layout-sidebar profile">
      <div>
        <header class="profile__header">
          <Avatar name={profile.displayName} size="lg" />
          <div>
            <h1>{profile.displayName}</h1>
            <p class="meta">
              @{profile.username}
              {profile.role === 'admin' && <> · <span class="badge">Organisation admin</span></>}
            </p>
            {profile.headline && <p class="profile__headline">{profile.headline}</p>}
            <FollowBar ctx={ctx} profile={profile} own={own} />
          </div>
        </header>
        <dl class="profile__facts">
          <ProfessionalFacts profile={profile} localTime={time} />
          <dt>Joined</dt>
          <dd><TimeAgo at={profile.joinedAt} /></dd>
        </dl>
        {profile.bio ? <p class="profile__bio prose">{profile.bio}</p> : own && <p class="meta">No bio yet. <a href="/settings">Tell others what you work on</a>.</p>}
        <AboutMore profile={profile} />
        {own && <p><a class="button button--secondary button--small" href="/settings">Edit your profile</a></p>}
        <DeclaredSkills ctx={ctx} profile={profile} own={own} />
        {slots.main}
        <h2>Recent activity</h2>
        {profile.recentActivity.length === 0 ? (
          <EmptyState title="No activity yet in communities you can see." />
        ) : (
          <ul class="activity-list">
            {profile.recentActivity.map((a) => (
              <li>
                <ActivityLine a={a} /> <span class="meta">· <TimeAgo at={a.createdAt} /></span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <aside aria-labelledby="profile-communities">
        <h2 id="profile-communities">Communities</h2>
        <Communities communities={profile.communities} own={own} />
        {slots.aside}
      </aside>
    </div>
  );
}
