import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { InteractionKind } from '../../core/db/tables/network.ts';

/** Interactions of one kind between two people in one community and one calendar month (YYYY-MM). */
export interface InteractionBucket {
  communityId: number | null;
  sourceId: number;
  targetId: number;
  kind: InteractionKind;
  month: string;
  n: number;
  lastAt: string;
}

const month = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;

/**
 * Answers (answer author → question author) and replies (reply author → topic author), per month.
 * Deleted posts and topics, and people answering themselves, do not count.
 */
async function postBuckets(db: Db): Promise<InteractionBucket[]> {
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .select(['t.community_id as communityId', 'p.author_id as sourceId', 't.author_id as targetId', 'p.kind as kind'])
    .select([month('p.created_at').as('month'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('p.created_at').as('lastAt')])
    .where('p.kind', 'in', ['answer', 'reply'])
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .whereRef('p.author_id', '<>', 't.author_id')
    .groupBy(['t.community_id', 'p.author_id', 't.author_id', 'p.kind', month('p.created_at')])
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind === 'answer' ? 'answered' : 'replied', n: Number(r.n) }));
}

/** Comments on a post count as replying to the post's author. */
async function commentBuckets(db: Db): Promise<InteractionBucket[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('posts as p', 'p.id', 'c.post_id')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .select(['t.community_id as communityId', 'c.author_id as sourceId', 'p.author_id as targetId'])
    .select([month('c.created_at').as('month'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('c.created_at').as('lastAt')])
    .where('c.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .whereRef('c.author_id', '<>', 'p.author_id')
    .groupBy(['t.community_id', 'c.author_id', 'p.author_id', month('c.created_at')])
    .execute();
  return rows.map((r) => ({ ...r, kind: 'replied' as const, n: Number(r.n) }));
}

/**
 * Co-authorship: everyone who wrote, owns or edited an article is tied to every other such person,
 * once per article, dated by the article's last change. Stored once per pair (source < target).
 */
async function coauthorBuckets(db: Db): Promise<InteractionBucket[]> {
  const contributors = await db
    .selectFrom('articles as a')
    .select(['a.id as articleId', 'a.community_id as communityId', 'a.updated_at as at', 'a.author_id as userId'])
    .union(db.selectFrom('article_owners as o').innerJoin('articles as a', 'a.id', 'o.article_id').select(['a.id as articleId', 'a.community_id as communityId', 'a.updated_at as at', 'o.user_id as userId']))
    .union(db.selectFrom('article_revisions as r').innerJoin('articles as a', 'a.id', 'r.article_id').select(['a.id as articleId', 'a.community_id as communityId', 'a.updated_at as at', 'r.editor_id as userId']))
    .execute();
  const byArticle = new Map<number, { communityId: number; at: string; users: Set<number> }>();
  for (const c of contributors) {
    const entry = byArticle.get(c.articleId) ?? { communityId: c.communityId, at: c.at, users: new Set<number>() };
    entry.users.add(c.userId);
    byArticle.set(c.articleId, entry);
  }
  const out: InteractionBucket[] = [];
  for (const { communityId, at, users } of byArticle.values()) {
    const ids = [...users].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) out.push({ communityId, sourceId: ids[i]!, targetId: ids[j]!, kind: 'coauthored', month: at.slice(0, 7), n: 1, lastAt: at });
    }
  }
  return out;
}

/** Mentorships (mentor → mentee), active or ended, dated by their start. */
async function mentorshipBuckets(db: Db): Promise<InteractionBucket[]> {
  const rows = await db
    .selectFrom('mentorships')
    .select(['community_id as communityId', 'mentor_id as sourceId', 'mentee_id as targetId', 'started_at as lastAt'])
    .where('state', 'in', ['active', 'ended'])
    .whereRef('mentor_id', '<>', 'mentee_id')
    .execute();
  return rows.map((r) => ({ ...r, kind: 'mentored' as const, month: r.lastAt.slice(0, 7), n: 1 }));
}

/** Every interaction of the history, bucketed by community, pair, kind and month. */
export async function deriveInteractions(db: Db): Promise<InteractionBucket[]> {
  const parts = await Promise.all([postBuckets(db), commentBuckets(db), coauthorBuckets(db), mentorshipBuckets(db)]);
  return parts.flat();
}
