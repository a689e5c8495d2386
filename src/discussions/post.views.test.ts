import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PostView, type PostLinks } from './post.views.tsx';
import type { Post } from './posts.store.ts';

const links: PostLinks = { topicPath: '/c/forge/t/7', mayChange: false, moderatorView: false };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const created = daysAgo(3);
const post = (over: Partial<Post> = {}): Post => ({
  id: 41,
  topicId: 7,
  kind: 'reply',
  body: 'Hello',
  bodyHtml: '<p>Hello</p>',
  score: 0,
  commentCount: 0,
  createdAt: created,
  editedAt: null,
  author: { id: 5, username: 'ada', displayName: 'Ada Lovelace' },
  deleted: null,
  ...over,
});
const authorLine = (p: Post, accepted = false) => /<div class="person post__author">(.*?)<\/div>/.exec(render(h(PostView, { post: p, links, accepted })))?.[1] ?? '';

// The author line is rendered once per key and then looked up: what it shows must follow its inputs.
describe('PostView author line', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the author, the permalink and the time, the same on every render', () => {
    const first = authorLine(post());
    expect(first).toContain('<span class="avatar avatar--sm');
    expect(first).toContain('>AL</span><a href="/u/ada">Ada Lovelace</a>');
    expect(first).toMatch(/<a href="#post-41" class="post__permalink"><time datetime="[^"]+" title="[^"]+ GMT">3 days ago<\/time><\/a>/);
    expect(authorLine(post())).toBe(first);
  });

  it('follows a renamed author, an edit, an acceptance, another post and the passing of time', () => {
    authorLine(post());
    const renamed = authorLine(post({ author: { id: 5, username: 'ada', displayName: 'Countess Ada' } }));
    expect(renamed).toContain('<a href="/u/ada">Countess Ada</a>');
    expect(renamed).not.toContain('Lovelace');
    expect(authorLine(post({ author: { id: 5, username: 'ada2', displayName: 'Ada Lovelace' } }))).toContain('<a href="/u/ada2">');
    expect(authorLine(post({ editedAt: daysAgo(1) }))).toContain('<a href="/c/forge/t/7/posts/41/revisions">edited <time');
    expect(authorLine(post(), true)).toContain('Accepted answer');
    expect(authorLine(post())).not.toContain('Accepted answer');
    expect(authorLine(post({ id: 42 }))).toContain('href="#post-42"');
    expect(authorLine(post({ createdAt: daysAgo(14) }))).toContain('2 weeks ago');
  });

  it('says how long ago as of now, not as of its first render', () => {
    expect(authorLine(post())).toContain('3 days ago');
    vi.useFakeTimers({ now: Date.parse(created) + 30 * 86_400_000, toFake: ['Date'] });
    expect(authorLine(post())).toContain('last month');
  });

  it('escapes what members wrote in their names', () => {
    const line = authorLine(post({ author: { id: 6, username: 'x', displayName: '<img src=x onerror=alert(1)>' } }));
    expect(line).toContain('&lt;img src=x onerror=alert(1)>');
    expect(line).not.toContain('<img');
  });
});
