import type { ComponentChildren } from 'preact';
import { Avatar, EmptyState, Pager, TimeAgo } from '../core/views/components.tsx';
import type { Post } from './posts.store.ts';
import type { TopicSummary, TopicWithCommunity } from './topics.store.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Question" or "Discussion" as a small badge. */
export function KindBadge({ kind }: { kind: TopicSummary['kind'] }) {
  return <span class={`badge badge--${kind}`}>{kind === 'question' ? 'Question' : 'Discussion'}</span>;
}

/**
 * A community's topics, latest activity first, with an empty state that invites the first one.
 * For the community page and any list of one community's topics.
 */
export function TopicList(p: { communitySlug: string; topics: TopicSummary[]; mayPost: boolean; nextHref?: string | null }) {
  if (p.topics.length === 0) {
    return (
      <EmptyState title="No topics yet">
        {p.mayPost ? (
          <p>
            <a href={`/c/${p.communitySlug}/t/new`}>Start the first one</a> — a question, an idea, something you learned.
          </p>
        ) : (
          <p>When members start discussions or ask questions, they appear here.</p>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <ul class="topic-list">
        {p.topics.map((t) => (
          <li>
            <Avatar name={t.author.displayName} size="sm" />
            <div>
              <a class="topic-title" href={`/c/${p.communitySlug}/t/${t.id}`}>
                {t.title}
              </a>
              <p class="meta">
                <KindBadge kind={t.kind} /> {t.author.displayName} · {plural(t.replyCount, 'reply', 'replies')} · last post <TimeAgo at={t.lastPostedAt} />
              </p>
            </div>
          </li>
        ))}
      </ul>
      <Pager nextHref={p.nextHref ?? null} />
    </>
  );
}

/** One post: who wrote it, when, and the text (plain text, escaped, line breaks kept by CSS). */
export function PostItem({ post, opening }: { post: Post; opening: boolean }) {
  return (
    <li class={opening ? 'post post--opening' : 'post'} id={`post-${post.id}`}>
      <div class="person post__author">
        <Avatar name={post.author.displayName} size="sm" />
        <a href={`/u/${post.author.username}`}>{post.author.displayName}</a>
        <span class="meta">
          <a href={`#post-${post.id}`} class="post__permalink">
            <TimeAgo at={post.createdAt} />
          </a>
        </span>
      </div>
      <div class="post__body">{post.body}</div>
    </li>
  );
}

/** A topic page: breadcrumb, title, posts (oldest first), pager, then whatever goes below (the reply box). */
export function TopicPage(p: { topic: TopicWithCommunity; posts: Post[]; firstPostId: number | null; nextHref: string | null; children?: ComponentChildren }) {
  const t = p.topic;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumbs">
          <li>
            <a href="/communities">Communities</a>
          </li>
          <li>
            <a href={`/c/${t.community.slug}`}>{t.community.name}</a>
          </li>
        </ol>
      </nav>
      <article class="topic" aria-labelledby="topic-title">
        <header class="topic__header">
          <KindBadge kind={t.kind} />
          <h1 id="topic-title">{t.title}</h1>
          <p class="meta">
            Started by <a href={`/u/${t.author.username}`}>{t.author.displayName}</a> <TimeAgo at={t.createdAt} /> · {plural(t.replyCount, 'reply', 'replies')}
          </p>
        </header>
        <h2 class="visually-hidden">Posts</h2>
        <ol class="post-list">
          {p.posts.map((post) => (
            <PostItem post={post} opening={post.id === p.firstPostId} />
          ))}
        </ol>
        <Pager nextHref={p.nextHref} />
      </article>
      {p.children}
    </>
  );
}
