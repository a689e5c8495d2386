import type { Db } from '../../core/db/index.ts';
import { readableCommunityIds, type Actor } from '../../core/permissions/index.ts';
import { internalLinks } from './links.parse.ts';

/** What wrote a body with links: a post (a topic's opening post or a reply/answer) or an article. */
export interface LinkSource {
  kind: 'post' | 'article';
  id: number;
}

/**
 * Replaces the recorded links of `source` with the internal links in its rendered body `html`.
 * Call it with the transaction that writes the body, so links never disagree with what is stored.
 * Only links to topics/articles that exist in the community their address names are kept; a body's
 * links to itself (an article to itself, a post to its own topic) are left out.
 */
export async function recordLinks(tx: Db, source: LinkSource, html: string, origin: string, at = new Date().toISOString(), opts: { fresh?: boolean } = {}): Promise<void> {
  // A source written just now (`fresh`) has no links yet: nothing to replace.
  if (!opts.fresh) await tx.deleteFrom('links').where('source_type', '=', source.kind).where('source_id', '=', source.id).execute();
  const found = internalLinks(html, origin);
  if (found.length === 0) return;
  const topicIds = found.filter((f) => f.kind === 'topic').map((f) => f.id);
  const articleIds = found.filter((f) => f.kind === 'article').map((f) => f.id);
  const topics = topicIds.length === 0 ? [] : await tx.selectFrom('topics').innerJoin('communities', 'communities.id', 'topics.community_id').select(['topics.id', 'communities.slug']).where('topics.id', 'in', topicIds).execute();
  const articles = articleIds.length === 0 ? [] : await tx.selectFrom('articles').innerJoin('communities', 'communities.id', 'articles.community_id').select(['articles.id', 'communities.slug']).where('articles.id', 'in', articleIds).execute();
  let ownTopic: number | null = null;
  if (source.kind === 'post') ownTopic = (await tx.selectFrom('posts').select('topic_id').where('id', '=', source.id).executeTakeFirst())?.topic_id ?? null;
  const exists = (kind: 'topic' | 'article', id: number, slug: string) => (kind === 'topic' ? topics : articles).some((r) => r.id === id && r.slug.toLowerCase() === slug);
  const rows = found
    .filter((f) => exists(f.kind, f.id, f.slug))
    .filter((f) => !(f.kind === 'article' && source.kind === 'article' && f.id === source.id) && !(f.kind === 'topic' && f.id === ownTopic))
    .map((f) => ({ source_type: source.kind, source_id: source.id, target_type: f.kind, target_id: f.id, created_at: at }));
  if (rows.length > 0) await tx.insertInto('links').values(rows).execute();
}

/** One place that links to a topic or article, as a reader may see it. */
export interface Backlink {
  kind: 'topic' | 'article';
  /** The topic's or the article's id. */
  id: number;
  /** For links from a post: the post that holds the link. */
  postId: number | null;
  title: string;
  community: { slug: string; name: string };
  url: string;
  at: string;
}

/**
 * The posts and articles that link to a target, limited to what `actor` may read: sources in
 * communities they may read, never deleted posts or posts of deleted topics. Newest first; a topic
 * with several linking posts is listed once (its newest linking post).
 */
export async function listBacklinks(db: Db, actor: Actor | null, target: { kind: 'topic' | 'article'; id: number }): Promise<Backlink[]> {
  const fromPosts = await db
    .selectFrom('links')
    .innerJoin('posts', 'posts.id', 'links.source_id')
    .innerJoin('topics', 'topics.id', 'posts.topic_id')
    .innerJoin('communities', 'communities.id', 'topics.community_id')
    .select(['topics.id as topic_id', 'posts.id as post_id', 'topics.title', 'communities.slug', 'communities.name', 'posts.created_at'])
    .where('links.source_type', '=', 'post')
    .where('links.target_type', '=', target.kind)
    .where('links.target_id', '=', target.id)
    .where('posts.deleted_at', 'is', null)
    .where('topics.deleted_at', 'is', null)
    .where('topics.community_id', 'in', readableCommunityIds(db, actor))
    .orderBy('posts.created_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(200)
    .execute();
  const fromArticles = await db
    .selectFrom('links')
    .innerJoin('articles', 'articles.id', 'links.source_id')
    .innerJoin('communities', 'communities.id', 'articles.community_id')
    .select(['articles.id', 'articles.title', 'communities.slug', 'communities.name', 'articles.updated_at'])
    .where('links.source_type', '=', 'article')
    .where('links.target_type', '=', target.kind)
    .where('links.target_id', '=', target.id)
    .where('articles.community_id', 'in', readableCommunityIds(db, actor))
    .orderBy('articles.updated_at', 'desc')
    .limit(200)
    .execute();
  const seen = new Set<number>();
  const out: Backlink[] = [];
  for (const r of fromPosts) {
    if (seen.has(r.topic_id)) continue;
    seen.add(r.topic_id);
    out.push({ kind: 'topic', id: r.topic_id, postId: r.post_id, title: r.title, community: { slug: r.slug, name: r.name }, url: `/c/${r.slug}/t/${r.topic_id}#post-${r.post_id}`, at: r.created_at });
  }
  for (const r of fromArticles) out.push({ kind: 'article', id: r.id, postId: null, title: r.title, community: { slug: r.slug, name: r.name }, url: `/c/${r.slug}/a/${r.id}`, at: r.updated_at });
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
