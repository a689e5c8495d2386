import { Avatar, EmptyState, Pager, TimeAgo } from '../core/views/components.tsx';
import { describeActivity } from './activity-sentence.ts';
import type { FeedEntry } from './activity.store.ts';

/** One act as a sentence with links: who, did what, to what, where, and when. */
function FeedItem({ entry }: { entry: FeedEntry }) {
  const s = describeActivity(entry);
  const community = <a href={`/c/${entry.community.slug}`}>{entry.community.name}</a>;
  return (
    <li class="feed__item">
      <Avatar name={s.actorName} size="sm" />
      <p class="feed__text">
        {entry.actor ? <a href={`/u/${entry.actor.username}`}>{s.actorName}</a> : s.actorName} {s.verbPhrase}{' '}
        {s.object ? (
          <>
            <a href={s.object.href}>{s.object.text}</a> in {community}
          </>
        ) : (
          community
        )}
        <span class="meta feed__time">
          {' '}
          · <TimeAgo at={entry.createdAt} />
        </span>
      </p>
    </li>
  );
}

/** The latest activity across communities the viewer may read, or an empty state that says what to do. */
export function ActivityFeed({ entries, nextHref }: { entries: FeedEntry[]; nextHref: string | null }) {
  if (entries.length === 0) {
    return (
      <EmptyState title="Nothing new yet">
        <p>
          When people start topics, reply or join your communities, it shows up here. <a href="/communities">Find a community to join</a>.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <ol class="feed">
        {entries.map((e) => (
          <FeedItem entry={e} />
        ))}
      </ol>
      <Pager nextHref={nextHref} />
    </>
  );
}
