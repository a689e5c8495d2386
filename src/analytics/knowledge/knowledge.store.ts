import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';

/*
 * Reads of the knowledge health page: rollups and bounded lists only (never the activity stream).
 */

/** The kept (community, month) rows of a window. */
export async function knowledgeMonths(db: Db, communityId: number, months: readonly string[]) {
  const rows = await db
    .selectFrom('analytics_knowledge_months')
    .select(['month', 'articles_created', 'views', 'links', 'applied'])
    .where('community_id', '=', communityId)
    .where('month', '>=', months[0]!)
    .where('month', '<=', months[months.length - 1]!)
    .execute();
  return new Map(rows.map((r) => [r.month, { articlesCreated: Number(r.articles_created), views: Number(r.views), links: Number(r.links), applied: Number(r.applied) }]));
}

/**
 * The community's most reused articles over the months from `fromMonth`: summed per article first (a
 * covering index read), then the top ones joined to their titles (deleted articles left out).
 */
export async function mostReusedArticles(db: Db, communityId: number, fromMonth: string, limit = 10) {
  const reuse = sql<number>`sum(views + links + applied)`;
  const top = await db
    .selectFrom('analytics_article_months')
    .select(['article_id', (eb) => eb.fn.sum<string>('views').as('views'), (eb) => eb.fn.sum<string>('links').as('links'), (eb) => eb.fn.sum<string>('applied').as('applied'), reuse.as('reuse')])
    .where('community_id', '=', communityId)
    .where('month', '>=', fromMonth)
    .groupBy('article_id')
    .having(reuse, '>', 0)
    .orderBy(reuse, 'desc')
    .orderBy('article_id')
    .limit(limit * 2)
    .execute();
  if (top.length === 0) return [];
  const titles = new Map((await db.selectFrom('articles').select(['id', 'title', 'state']).where('id', 'in', top.map((r) => Number(r.article_id))).execute()).map((a) => [Number(a.id), a]));
  return top.flatMap((r) => {
    const a = titles.get(Number(r.article_id));
    return a ? [{ id: Number(a.id), title: a.title, state: a.state, views: Number(r.views), links: Number(r.links), applied: Number(r.applied), reuse: Number(r.reuse) }] : [];
  }).slice(0, limit);
}

/** Endorsed articles whose review falls due before `dueBefore` (or is past), and those already flagged for review; soonest first. */
export async function articlesDueForReview(db: Db, communityId: number, dueBefore: string, limit = 200) {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'state', 'review_due_at'])
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb.and([eb('state', '=', 'endorsed'), eb('review_due_at', '<=', dueBefore)]), eb('state', '=', 'needs_review')]))
    .orderBy('review_due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), title: r.title, state: r.state, reviewDueAt: r.review_due_at }));
}

/** How many articles `articlesDueForReview` would list (without the limit). */
export async function countDueForReview(db: Db, communityId: number, dueBefore: string): Promise<number> {
  const r = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('community_id', '=', communityId)
    .where((eb) => eb.or([eb.and([eb('state', '=', 'endorsed'), eb('review_due_at', '<=', dueBefore)]), eb('state', '=', 'needs_review')]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The owners of these articles (display order: when they became owners). */
export async function ownersOf(db: Db, articleIds: readonly number[]) {
  const out = new Map<number, Array<{ username: string; displayName: string }>>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('article_owners as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['o.article_id', 'u.username', 'u.display_name'])
    .where('o.article_id', 'in', [...articleIds])
    .orderBy('o.added_at')
    .orderBy('u.id')
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.article_id)) ?? out.set(Number(r.article_id), []).get(Number(r.article_id))!;
    list.push({ username: r.username, displayName: r.display_name });
  }
  return out;
}

/** The tag spreads of a community with at least `minEvidence` evidence items. */
export async function tagSpreads(db: Db, communityId: number, minEvidence: number) {
  const rows = await db.selectFrom('analytics_knowledge_tags').selectAll().where('community_id', '=', communityId).where('evidence', '>=', minEvidence).orderBy('tag').execute();
  return rows.map((r) => ({
    tag: r.tag,
    score: Number(r.score),
    evidence: Number(r.evidence),
    holders: Number(r.holders),
    top: [
      ...(r.top1_user_id === null ? [] : [{ userId: Number(r.top1_user_id), score: Number(r.top1_score) }]),
      ...(r.top2_user_id === null ? [] : [{ userId: Number(r.top2_user_id), score: Number(r.top2_score) }]),
    ],
  }));
}

/** The last act (views aside) of each of these members in the community; missing: never acted there. */
export async function lastActs(db: Db, communityId: number, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('analytics_member_last').select(['user_id', 'last_at']).where('community_id', '=', communityId).where('user_id', 'in', [...userIds]).execute();
  return new Map(rows.map((r) => [Number(r.user_id), r.last_at]));
}

/** Names of members, by id. */
export async function peopleByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { username: string; displayName: string }>();
  const rows = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [Number(r.id), { username: r.username, displayName: r.display_name }]));
}
