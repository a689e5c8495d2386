import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { monthOf } from '../period.ts';
import { periodKey } from './knowledge.rollup.ts';

/** Post and article bodies whose links to articles may have changed (new or edited). */
export interface LinkSources {
  posts: number[];
  /** Topics opened: their opening post is the source. */
  topics: number[];
  articles: number[];
}

const BATCH = 500;

/**
 * Brings the link mirror (analytics_article_link_sources) up to date for these bodies and returns the
 * (community, month) periods whose link counts changed: the months of the links they hold now and of
 * the links they held at the last refresh (an edit that removed a link takes it out of its month).
 */
export async function syncLinkSources(db: Db, s: LinkSources): Promise<string[]> {
  const periods = new Set<string>();
  const posts = [...s.posts];
  for (let i = 0; i < s.topics.length; i += BATCH) {
    const openings = await db.selectFrom('posts').select('id').where('topic_id', 'in', s.topics.slice(i, i + BATCH)).where('kind', '=', 'opening').execute();
    posts.push(...openings.map((p) => Number(p.id)));
  }
  for (const [kind, ids] of [['post', [...new Set(posts)]], ['article', [...new Set(s.articles)]]] as const) {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const now = await db
        .selectFrom('links')
        .innerJoin('articles', 'articles.id', 'links.target_id')
        .select(['links.source_id', 'links.target_id', 'articles.community_id', 'links.created_at'])
        .where('links.source_type', '=', kind)
        .where('links.source_id', 'in', batch)
        .where('links.target_type', '=', 'article')
        .execute();
      const rows = now.map((r) => ({ source_type: kind, source_id: Number(r.source_id), article_id: Number(r.target_id), community_id: Number(r.community_id), month: monthOf(r.created_at) }));
      await db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('analytics_article_link_sources').select(['community_id', 'month']).where('source_type', '=', kind).where('source_id', 'in', batch).execute();
        for (const r of [...before, ...rows]) periods.add(periodKey(Number(r.community_id), r.month));
        await tx.deleteFrom('analytics_article_link_sources').where('source_type', '=', kind).where('source_id', 'in', batch).execute();
        for (let j = 0; j < rows.length; j += BATCH) await tx.insertInto('analytics_article_link_sources').values(rows.slice(j, j + BATCH)).execute();
      });
    }
  }
  return [...periods];
}

/**
 * The whole mirror again from `links` (after an import, whose bodies are not named in the stream):
 * returns every period with article links before or after.
 */
export async function syncAllLinkSources(db: Db): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    const distinct = () => tx.selectFrom('analytics_article_link_sources').select(['community_id', 'month']).distinct().execute();
    const before = await distinct();
    await tx.deleteFrom('analytics_article_link_sources').execute();
    await tx
      .insertInto('analytics_article_link_sources')
      .columns(['source_type', 'source_id', 'article_id', 'community_id', 'month'])
      .expression(
        tx
          .selectFrom('links')
          .innerJoin('articles', 'articles.id', 'links.target_id')
          .select(['links.source_type', 'links.source_id', 'links.target_id', 'articles.community_id', sql<string>`substr(links.created_at, 1, 7)`.as('month')])
          .where('links.target_type', '=', 'article'),
      )
      .execute();
    const after = await distinct();
    return [...new Set([...before, ...after].map((r) => periodKey(Number(r.community_id), r.month)))];
  });
}
