import type { Db } from '../core/db/index.ts';
import { encodeCursor } from '../core/http/pagination.ts';
import { hasMorePostsThan, pageCursorForPost } from './posts.store.ts';

/** Posts on one topic page (as the topic page in discussions.pages.tsx shows them). */
export const POSTS_PER_PAGE = 50;

/** What is needed of a topic to address one of its pages. */
export interface TopicOfPost {
  id: number;
  kind: 'discussion' | 'question';
  acceptedPostId: number | null;
  community: { slug: string };
}

/**
 * The address (no fragment) of the topic page that holds the post, in time order: the plain topic
 * address when the post is on the first page, else `?cursor=…` of its page. A question's pages are in
 * vote order unless asked otherwise, so once it spans more than one page its address asks for
 * `sort=time` (as the reply form's redirect does). For the "back to the topic" links and redirects of
 * a post's own form pages.
 */
export async function topicPageOfPost(db: Db, topic: TopicOfPost, postId: number): Promise<string> {
  const base = `/c/${topic.community.slug}/t/${topic.id}`;
  const cursor = await pageCursorForPost(db, topic.id, postId, POSTS_PER_PAGE, topic.acceptedPostId);
  const byTime = topic.kind === 'question' && (cursor !== null || (await hasMorePostsThan(db, topic.id, POSTS_PER_PAGE)));
  const query = [byTime ? 'sort=time' : '', cursor ? `cursor=${encodeCursor(cursor)}` : ''].filter(Boolean).join('&');
  return query ? `${base}?${query}` : base;
}

/** The address of the post on its topic page: `topicPageOfPost` with `#post-N`. */
export async function postAddress(db: Db, topic: TopicOfPost, postId: number): Promise<string> {
  return `${await topicPageOfPost(db, topic, postId)}#post-${postId}`;
}
