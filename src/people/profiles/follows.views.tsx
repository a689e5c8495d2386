import { Avatar, EmptyState, Pager, TimeAgo } from '../../core/views/components.tsx';
import type { FollowPage } from './profiles.schema.ts';

/** A person's followers, or the people they follow: one page of people, newest first. */
export function FollowListPage(p: { username: string; displayName: string; direction: 'followers' | 'following'; page: FollowPage; nextHref: string | null }) {
  const title = p.direction === 'followers' ? `People following ${p.displayName}` : `People ${p.displayName} follows`;
  return (
    <section>
      <p class="meta">
        <a href={`/u/${p.username}`}>← {p.displayName}</a>
      </p>
      <h1>{title}</h1>
      <nav class="settings-nav" aria-label="Follows">
        <ul>
          <li><a href={`/u/${p.username}/followers`} aria-current={p.direction === 'followers' ? 'page' : undefined}>Followers</a></li>
          <li><a href={`/u/${p.username}/following`} aria-current={p.direction === 'following' ? 'page' : undefined}>Following</a></li>
        </ul>
      </nav>
      {p.page.items.length === 0 ? (
        <EmptyState title={p.direction === 'followers' ? `No one follows ${p.displayName} yet.` : `${p.displayName} does not follow anyone yet.`} />
      ) : (
        <ul class="card-list" aria-label={title}>
          {p.page.items.map((f) => (
            <li class="card person-card">
              <div class="person">
                <Avatar name={f.displayName} />
                <div>
                  <a class="person-card__name" href={`/u/${f.username}`}>{f.displayName}</a>
                  <p class="meta">@{f.username} · since <TimeAgo at={f.since} /></p>
                  {f.headline && <p class="person-card__headline">{f.headline}</p>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </section>
  );
}
