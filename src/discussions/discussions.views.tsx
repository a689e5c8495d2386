import type { ComponentChildren } from 'preact';
import { pieces } from '../core/views/assembled.ts';
import { Breadcrumbs, Pager, TimeAgo } from '../core/views/components.tsx';
import { KindBadge, plural, StateBadges, TagChips } from './badges.views.tsx';
import type { CommunityRef } from './crossposts.store.ts';
import type { PostSort } from './discussions.schema.ts';
import { postHtml, type PostLinks } from './post.views.tsx';
import type { Post } from './posts.store.ts';
import type { TopicSlots } from './topic-slots.tsx';
import type { TopicSummary } from './topics.store.ts';

export { KindBadge } from './badges.views.tsx';

/** Breadcrumb to a topic's home community. */
export function TopicBreadcrumb({ community, topic }: { community: { slug: string; name: string }; topic?: { id: number; title: string } }) {
  return (
    <Breadcrumbs community={community} trail={[{ href: `/c/${community.slug}/topics`, label: 'Topics' }, ...(topic ? [{ href: `/c/${community.slug}/t/${topic.id}`, label: topic.title }] : [])]} />
  );
}

/** Everything the topic page shows. */
export interface TopicPageData {
  topic: TopicSummary;
  tags: string[];
  crosspostedTo: CommunityRef[];
  posts: Post[];
  /** Shown first on the first page: the opening post (and the accepted answer follows it in `posts`). */
  firstPage: boolean;
  sort: PostSort;
  nextHref: string | null;
  links: (post: Post) => PostLinks;
  slots: TopicSlots;
  /** Under the header: cross-post management for those who may. */
  headerExtras?: ComponentChildren;
  /** Keep each post's markup for later views (postHtml): for signed-in readers; anonymous pages are kept whole by the micro-cache. */
  keepPosts: boolean;
}

function SortLinks({ base, sort }: { base: string; sort: PostSort }) {
  const link = (s: PostSort, label: string) => (
    <a href={`${base}?sort=${s}`} aria-current={sort === s ? 'true' : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="chips sort-links" aria-label="Sort answers">
      {link('votes', 'Most votes')} {link('time', 'Oldest first')}
    </nav>
  );
}

/** A topic page: breadcrumb, header with badges and tags, posts (opening, accepted, the rest), pager, then children (the reply box). */
export function TopicPage(p: TopicPageData & { children?: ComponentChildren }) {
  const t = p.topic;
  const base = `/c/${t.community.slug}/t/${t.id}`;
  const opening = p.posts.find((x) => x.kind === 'opening');
  const rest = p.posts.filter((x) => x.kind !== 'opening');
  const question = t.kind === 'question';
  return (
    <>
      <TopicBreadcrumb community={t.community} />
      <article class="topic" aria-labelledby="topic-title">
        <header class="topic__header">
          <p class="topic__badges">
            <KindBadge kind={t.kind} /> <StateBadges t={t} />
          </p>
          <h1 id="topic-title">{t.title}</h1>
          <TagChips slug={t.community.slug} tags={p.tags} />
          <p class="meta">
            Started by <a href={`/u/${t.author.username}`}>{t.author.displayName}</a> <TimeAgo at={t.createdAt} /> · {question ? plural(t.answerCount, 'answer', 'answers') : plural(t.replyCount, 'reply', 'replies')}
          </p>
          {p.crosspostedTo.length > 0 && (
            <p class="meta topic__crossposts">
              Also listed in {p.crosspostedTo.map((c, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/c/${c.slug}/topics`}>{c.name}</a>
                </>
              ))}
            </p>
          )}
          {t.deleted && <p class="notice topic__deleted">This topic was deleted{t.deleted.reason ? `: ${t.deleted.reason}` : ''}. Only moderators can see it.</p>}
          {p.slots.header}
          {p.headerExtras}
        </header>
        {opening && (
          <ol class="post-list" dangerouslySetInnerHTML={pieces([postHtml({ post: opening, links: p.links(opening), extras: p.slots.posts.get(opening.id) }, p.keepPosts)])} />
        )}
        <section aria-labelledby="posts-heading" class="topic__posts">
          <div class="topic__posts-head">
            <h2 id="posts-heading">{question ? plural(t.answerCount, 'Answer', 'Answers') : plural(t.replyCount, 'Reply', 'Replies')}</h2>
            {question && t.answerCount > 1 && <SortLinks base={base} sort={p.sort} />}
          </div>
          {rest.length > 0 ? (
            // Each post's markup is kept between requests and viewers (post.views.tsx, postHtml), and
            // goes into the page's bytes as it is (core/views/assembled.ts).
            <ol class="post-list" dangerouslySetInnerHTML={pieces(rest.map((post) => postHtml({ post, links: p.links(post), accepted: post.id === t.acceptedPostId, extras: p.slots.posts.get(post.id) }, p.keepPosts)))} />
          ) : (
            p.firstPage && <p class="meta">{question ? 'No answers yet — know something that helps? Answer below.' : 'No replies yet — be the first to reply.'}</p>
          )}
          <Pager nextHref={p.nextHref} />
        </section>
      </article>
      {p.children}
    </>
  );
}
