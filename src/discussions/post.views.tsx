import { Avatar, relativeTime, TimeAgo } from '../core/views/components.tsx';
import { render } from 'preact-render-to-string';
import { keptHtml, keptMarkup, keyOf } from '../core/views/kept-markup.ts';
import type { Post } from './posts.store.ts';
import type { PostSlots } from './topic-slots.tsx';

/** Where a post's own links go: its topic page address, and whether the viewer may edit/delete it. */
export interface PostLinks {
  topicPath: string;
  mayChange: boolean;
  /** True when the text of a deleted post is shown (to a moderator). */
  moderatorView: boolean;
}

function Deleted({ post, moderatorView }: { post: Post; moderatorView: boolean }) {
  const d = post.deleted;
  if (!d) return null;
  return (
    <p class="post__deleted">
      Deleted by {d.by ? <a href={`/u/${d.by.username}`}>{d.by.displayName}</a> : 'someone'} <TimeAgo at={d.at} />
      {d.reason ? `: ${d.reason}` : ''}
      {moderatorView ? ' — shown to you as a moderator.' : ''}
    </p>
  );
}

function AuthorLineParts({ post, self, accepted }: { post: Post; self: string; accepted: boolean }) {
  return (
    <>
      <Avatar name={post.author.displayName} size="sm" />
      <a href={`/u/${post.author.username}`}>{post.author.displayName}</a>
      <span class="meta">
        <a href={`#post-${post.id}`} class="post__permalink">
          <TimeAgo at={post.createdAt} />
        </a>
        {post.editedAt && (
          <>
            {' · '}
            <a href={`${self}/revisions`}>
              edited <TimeAgo at={post.editedAt} />
            </a>
          </>
        )}
      </span>
      {accepted && <span class="badge badge--accepted">Accepted answer</span>}
    </>
  );
}

/**
 * Who wrote the post and when, the same for every viewer: rendered once per key (keptMarkup), which
 * names everything it shows, the times as they read now included.
 */
function AuthorLine(p: { post: Post; self: string; accepted: boolean }) {
  const { post } = p;
  const key = [post.id, p.self, post.author.username, post.author.displayName, post.createdAt, relativeTime(post.createdAt), post.editedAt ?? '', post.editedAt ? relativeTime(post.editedAt) : '', p.accepted ? 'accepted' : ''].join('\u0000');
  return <div class="person post__author" dangerouslySetInnerHTML={keptMarkup(key, () => <AuthorLineParts {...p} />)} />;
}

/**
 * One post: author, time, "edited" link to its history, the rendered Markdown, its own actions
 * (edit, delete), and the slots other features fill (votes beside it, actions and comments under it).
 * Pass `extras` (PostSlots) and `children` (under the post) to plug in.
 */
export function PostView(p: { post: Post; links: PostLinks; accepted?: boolean; extras?: PostSlots; children?: preact.ComponentChildren }) {
  const { post, links } = p;
  const showBody = !post.deleted || links.moderatorView;
  const classes = ['post', `post--${post.kind}`, p.accepted ? 'post--accepted' : '', post.deleted ? 'post--deleted' : ''].filter(Boolean).join(' ');
  const self = `${links.topicPath}/posts/${post.id}`;
  return (
    <li class={classes} id={`post-${post.id}`}>
      <article class="post__inner" aria-label={`${post.kind === 'answer' ? 'Answer' : post.kind === 'opening' ? 'Opening post' : 'Reply'} by ${post.author.displayName}`}>
        {p.extras?.side && <div class="post__side">{p.extras.side}</div>}
        <div class="post__main">
          <AuthorLine post={post} self={self} accepted={p.accepted === true} />
          <Deleted post={post} moderatorView={links.moderatorView} />
          {/* The only raw HTML in the app: body_html was made by renderMarkdown (raw HTML off, links checked). */}
          {showBody && <div class="post__body markdown" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />}
          {(links.mayChange || p.extras?.actions) && (
            <div class="post__actions">
              {p.extras?.actions}
              {links.mayChange && !post.deleted && (
                <>
                  <a class="button button--small button--secondary" href={`${self}/edit`}>
                    Edit<span class="visually-hidden"> post by {post.author.displayName}</span>
                  </a>
                  <a class="button button--small button--secondary" href={`${self}/delete`}>
                    Delete<span class="visually-hidden"> post by {post.author.displayName}</span>
                  </a>
                </>
              )}
            </div>
          )}
        </div>
      </article>
      {p.extras?.below}
      {p.children}
    </li>
  );
}

/**
 * One post's markup (`<li>`), kept for every viewer and request with the same inputs (issue 6: a
 * 50-post page rendered each post for each signed-in reader). Kept only when the slots name what they
 * show (`extras.key`); the key names the rest: the post as shown, times as they read now, the viewer's
 * links. Slots and this markup carry the CSRF placeholder the page fills in (kept-markup.ts). With
 * `keep` false it is rendered and not kept.
 */
export function postHtml(p: { post: Post; links: PostLinks; accepted?: boolean; extras?: PostSlots }, keep = true): string {
  const { post, links, extras } = p;
  if (!keep || (extras && extras.key === undefined)) return render(<PostView {...p} />);
  const d = post.deleted;
  const key = keyOf([
    'post',
    post.id,
    post.kind,
    post.author.id,
    post.author.username,
    post.author.displayName,
    post.createdAt,
    relativeTime(post.createdAt),
    post.editedAt,
    post.editedAt ? relativeTime(post.editedAt) : '',
    d ? [d.at, relativeTime(d.at), d.by?.username ?? '', d.by?.displayName ?? '', d.reason ?? ''].join('\u0002') : '',
    links.topicPath,
    links.mayChange,
    links.moderatorView,
    p.accepted === true,
    extras?.key ?? '',
    post.bodyHtml,
  ]);
  return keptHtml(key, () => <PostView {...p} />);
}
