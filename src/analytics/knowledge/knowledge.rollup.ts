import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { monthRange } from '../period.ts';
import { liveEvidence } from '../../people/expertise/expertise.store.ts';
import { epochWeight, spreadOf } from './knowledge.measures.ts';

/*
 * SQL of knowledgeStep: each function recomputes one piece of the knowledge rollups from the source
 * tables, so running it again gives the same rows (docs/analytics/knowledge.md, "How it is kept").
 */

/** A (community, month) key 'id|YYYY-MM'. */
export const periodKey = (communityId: number, month: string) => `${communityId}|${month}`;
export const parseKey = (key: string) => {
  const [c, m] = key.split('|') as [string, string];
  return { communityId: Number(c), month: m };
};

interface ArticleCounts {
  views: number;
  links: number;
  applied: number;
}

/**
 * Recomputes one (community, month): articles created (article.created, plus articles a knowledge
 * import created), and per article its views (article.viewed, the author's own left out), "I applied
 * this" (distinct members) and links recorded that month.
 */
export async function recomputeKnowledgeMonth(db: Db, key: string): Promise<void> {
  const { communityId, month } = parseKey(key);
  const { from, to } = monthRange(month);
  const acts = await db
    .selectFrom('activity')
    .leftJoin('articles', 'articles.id', 'activity.subject_id')
    .select(['activity.verb', 'activity.subject_id', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.count<string>('activity.actor_id').distinct().as('people')])
    .where('activity.community_id', '=', communityId)
    .where('activity.created_at', '>=', from)
    .where('activity.created_at', '<', to)
    .where('activity.verb', 'in', ['article.created', 'article.viewed', 'knowledge.applied'])
    .where('activity.subject_type', '=', 'article')
    .where((eb) => eb.or([eb('activity.verb', '!=', 'article.viewed'), eb('articles.author_id', 'is', null), eb('articles.author_id', '!=', eb.ref('activity.actor_id'))]))
    .groupBy(['activity.verb', 'activity.subject_id'])
    .execute();
  const imports = await db
    .selectFrom('activity')
    .select('data')
    .where('community_id', '=', communityId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('verb', '=', 'knowledge.imported')
    .execute();
  const links = await db
    .selectFrom('links')
    .innerJoin('articles', 'articles.id', 'links.target_id')
    .select(['links.target_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('links.target_type', '=', 'article')
    .where('articles.community_id', '=', communityId)
    .where('links.created_at', '>=', from)
    .where('links.created_at', '<', to)
    .groupBy('links.target_id')
    .execute();

  let created = 0;
  const perArticle = new Map<number, ArticleCounts>();
  const of = (id: number) => perArticle.get(id) ?? perArticle.set(id, { views: 0, links: 0, applied: 0 }).get(id)!;
  for (const a of acts) {
    if (a.verb === 'article.created') created += Number(a.n);
    else if (a.subject_id !== null && a.verb === 'article.viewed') of(Number(a.subject_id)).views += Number(a.n);
    else if (a.subject_id !== null) of(Number(a.subject_id)).applied += Number(a.people);
  }
  for (const r of imports) created += importedArticles(r.data);
  for (const l of links) of(Number(l.target_id)).links += Number(l.n);
  const rows = [...perArticle.entries()].map(([id, c]) => ({ article_id: id, month, community_id: communityId, ...c }));
  const total = rows.reduce((s, r) => ({ views: s.views + r.views, links: s.links + r.links, applied: s.applied + r.applied }), { views: 0, links: 0, applied: 0 });

  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('analytics_article_months').where('community_id', '=', communityId).where('month', '=', month).execute();
    for (let i = 0; i < rows.length; i += 500) await tx.insertInto('analytics_article_months').values(rows.slice(i, i + 500)).execute();
    await tx.deleteFrom('analytics_knowledge_months').where('community_id', '=', communityId).where('month', '=', month).execute();
    if (created > 0 || rows.length > 0) await tx.insertInto('analytics_knowledge_months').values({ community_id: communityId, month, articles_created: created, ...total }).execute();
  });
}

/** Articles a knowledge import created, from its activity row's summary. */
function importedArticles(data: string): number {
  try {
    const parsed = JSON.parse(data) as { articles?: { created?: unknown } };
    const n = parsed.articles?.created;
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}

/**
 * Recomputes how a community's demonstrated expertise is spread over its tags, from
 * expertise_evidence (summed per tag, member and day, epoch-scaled so shares never go stale); evidence
 * of deleted answers and topics left out, as src/people/expertise reads it. `onlyTags`: just those tags.
 */
export async function recomputeTagSpread(db: Db, communityId: number, onlyTags?: readonly string[]): Promise<void> {
  if (onlyTags && onlyTags.length === 0) return;
  const rows = await db
    .selectFrom('expertise_evidence as e')
    .innerJoin('expertise_evidence_tags as t', 't.evidence_id', 'e.id')
    .select(['t.tag', 'e.user_id', sql<string>`substr(e.at, 1, 10)`.as('day'), (eb) => eb.fn.sum<string>('e.weight').as('w'), (eb) => eb.fn.countAll<string>().as('n')])
    .where('e.community_id', '=', communityId)
    .where(liveEvidence)
    .$if(onlyTags !== undefined, (qb) => qb.where('t.tag', 'in', [...onlyTags!]))
    .groupBy(['t.tag', 'e.user_id', sql`substr(e.at, 1, 10)`])
    .execute();
  const byTag = new Map<string, { scores: Map<number, number>; evidence: number }>();
  for (const r of rows) {
    const t = byTag.get(r.tag) ?? byTag.set(r.tag, { scores: new Map(), evidence: 0 }).get(r.tag)!;
    const user = Number(r.user_id);
    t.scores.set(user, (t.scores.get(user) ?? 0) + epochWeight(Number(r.w), `${r.day}T12:00:00Z`));
    t.evidence += Number(r.n);
  }
  const out = [...byTag.entries()].map(([tag, t]) => {
    const s = spreadOf(t.scores);
    return { community_id: communityId, tag, score: s.score, evidence: t.evidence, holders: s.holders, top1_user_id: s.top[0]?.userId ?? null, top1_score: s.top[0]?.score ?? 0, top2_user_id: s.top[1]?.userId ?? null, top2_score: s.top[1]?.score ?? 0 };
  });
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('analytics_knowledge_tags')
      .where('community_id', '=', communityId)
      .$if(onlyTags !== undefined, (qb) => qb.where('tag', 'in', [...onlyTags!]))
      .execute();
    for (let i = 0; i < out.length; i += 500) await tx.insertInto('analytics_knowledge_tags').values(out.slice(i, i + 500)).execute();
  });
}

/** Keeps the latest act per (community, member) — keys 'communityId|userId' — a row only ever moves later. */
export async function upsertLastActs(db: Db, last: ReadonlyMap<string, string>): Promise<void> {
  const rows = [...last.entries()].map(([key, at]) => {
    const [communityId, userId] = key.split('|').map(Number) as [number, number];
    return { community_id: communityId, user_id: userId, last_at: at };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('analytics_member_last')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['community_id', 'user_id']).doUpdateSet({ last_at: sql`case when excluded.last_at > analytics_member_last.last_at then excluded.last_at else analytics_member_last.last_at end` }))
      .execute();
  }
}

/** Of these communities, the ones with evidence but no tag spread kept yet. */
export async function communitiesWithoutSpread(db: Db, communityIds: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < communityIds.length; i += 500) {
    const ids = communityIds.slice(i, i + 500);
    const kept = new Set((await db.selectFrom('analytics_knowledge_tags').select('community_id').where('community_id', 'in', ids).distinct().execute()).map((r) => Number(r.community_id)));
    const missing = ids.filter((c) => !kept.has(c));
    if (missing.length === 0) continue;
    const withEvidence = await db.selectFrom('expertise_evidence').select('community_id').where('community_id', 'in', missing).distinct().execute();
    out.push(...withEvidence.map((r) => Number(r.community_id)));
  }
  return out;
}

/** The tags of these posts' topics and of these articles (what their expertise evidence is filed under). */
export async function tagsOfSubjects(db: Db, posts: readonly number[], articles: readonly number[]): Promise<string[]> {
  const tags = new Set<string>();
  for (let i = 0; i < posts.length; i += 500) {
    const rows = await db.selectFrom('posts').innerJoin('topic_tags', 'topic_tags.topic_id', 'posts.topic_id').select('topic_tags.tag').where('posts.id', 'in', posts.slice(i, i + 500)).distinct().execute();
    for (const r of rows) tags.add(r.tag);
  }
  for (let i = 0; i < articles.length; i += 500) {
    const rows = await db.selectFrom('article_tags').select('tag').where('article_id', 'in', articles.slice(i, i + 500)).distinct().execute();
    for (const r of rows) tags.add(r.tag);
  }
  return [...tags];
}
