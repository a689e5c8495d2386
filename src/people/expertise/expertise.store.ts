import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';

/**
 * SQL condition on evidence rows aliased `e`: their subject still stands. Answers and questions that
 * were deleted (or whose topic was deleted or merged away) stop counting at once, and count again if
 * restored. Deleted articles leave the rollup (their deletion re-derives it).
 */
export const liveEvidence = sql<boolean>`(e.subject_type = 'article' or exists (select 1 from posts p inner join topics t on t.id = p.topic_id where p.id = e.subject_id and p.deleted_at is null and t.deleted_at is null))`;

/** Where a piece of evidence points: its title, page address and community. */
export interface SubjectLink {
  title: string;
  url: string;
  communitySlug: string;
  communityName: string;
}

/**
 * Titles and addresses of the answers and articles that evidence rows point at, keyed
 * `post/<id>` or `article/<id>`. Deleted posts, topics and articles are left out.
 */
export async function loadSubjectLinks(db: Db, rows: Array<{ subject_type: 'post' | 'article'; subject_id: number }>): Promise<Map<string, SubjectLink>> {
  const out = new Map<string, SubjectLink>();
  const postIds = [...new Set(rows.filter((r) => r.subject_type === 'post').map((r) => r.subject_id))];
  const articleIds = [...new Set(rows.filter((r) => r.subject_type === 'article').map((r) => r.subject_id))];
  for (let i = 0; i < postIds.length; i += 500) {
    const posts = await db
      .selectFrom('posts as p')
      .innerJoin('topics as t', 't.id', 'p.topic_id')
      .innerJoin('communities as c', 'c.id', 't.community_id')
      .select(['p.id', 't.id as topic_id', 't.title', 'c.slug', 'c.name'])
      .where('p.id', 'in', postIds.slice(i, i + 500))
      .where('p.deleted_at', 'is', null)
      .where('t.deleted_at', 'is', null)
      .execute();
    for (const p of posts) out.set(`post/${p.id}`, { title: p.title, url: `/c/${p.slug}/t/${p.topic_id}#post-${p.id}`, communitySlug: p.slug, communityName: p.name });
  }
  for (let i = 0; i < articleIds.length; i += 500) {
    const arts = await db
      .selectFrom('articles as a')
      .innerJoin('communities as c', 'c.id', 'a.community_id')
      .select(['a.id', 'a.title', 'c.slug', 'c.name'])
      .where('a.id', 'in', articleIds.slice(i, i + 500))
      .execute();
    for (const a of arts) out.set(`article/${a.id}`, { title: a.title, url: `/c/${a.slug}/a/${a.id}`, communitySlug: a.slug, communityName: a.name });
  }
  return out;
}
