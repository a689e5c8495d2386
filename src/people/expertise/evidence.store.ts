import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { deriveArticleEvidence, derivePostEvidence, type DerivedEvidence } from './evidence.derive.ts';

const CHUNK = 400;

function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Stores derived evidence rows and their tags. */
async function insertEvidence(db: Db, rows: DerivedEvidence[]): Promise<void> {
  for (const part of chunks(rows, 100)) {
    const inserted = await db
      .insertInto('expertise_evidence')
      .values(part.map((r) => ({ user_id: r.userId, community_id: r.communityId, kind: r.kind, subject_type: r.subjectType, subject_id: r.subjectId, weight: r.weight, points: r.points, at: r.at })))
      .returning(['id', 'user_id', 'kind', 'subject_id'])
      .execute();
    const idOf = new Map(inserted.map((i) => [`${i.user_id}/${i.kind}/${i.subject_id}`, i.id]));
    const tags = part.flatMap((r) => r.tags.map((tag) => ({ evidence_id: idOf.get(`${r.userId}/${r.kind}/${r.subjectId}`) ?? 0, tag })));
    for (const t of chunks(tags, 300)) await db.insertInto('expertise_evidence_tags').values(t).execute();
  }
}

/** Deletes the evidence of the given subjects; returns the members it belonged to. */
async function deleteEvidence(db: Db, subjectType: 'post' | 'article', ids: number[]): Promise<number[]> {
  const old = await db.selectFrom('expertise_evidence').select(['id', 'user_id']).where('subject_type', '=', subjectType).where('subject_id', 'in', ids).execute();
  if (old.length === 0) return [];
  const evIds = old.map((o) => o.id);
  await db.deleteFrom('expertise_evidence_tags').where('evidence_id', 'in', evIds).execute();
  await db.deleteFrom('expertise_evidence').where('id', 'in', evIds).execute();
  return old.map((o) => o.user_id);
}

/**
 * Re-derives the evidence of some posts and articles from the source tables (votes, accepted
 * answers, article states, "I applied this") and replaces what was stored. Returns every member
 * whose evidence may have changed (before or after), so their badges can be checked.
 */
export async function replaceEvidence(db: Db, subjects: { posts?: number[]; articles?: number[] }): Promise<number[]> {
  const users = new Set<number>();
  for (const [type, ids, derive] of [
    ['post', subjects.posts ?? [], derivePostEvidence],
    ['article', subjects.articles ?? [], deriveArticleEvidence],
  ] as const) {
    for (const part of chunks([...new Set(ids)])) {
      for (const u of await deleteEvidence(db, type, part)) users.add(u);
      const rows = await derive(db, part);
      for (const r of rows) users.add(r.userId);
      await insertEvidence(db, rows);
    }
  }
  return [...users];
}

/** Posts that can carry evidence: voted on, accepted, or applied. */
async function candidatePosts(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('votes')
    .select('post_id as id')
    .union(db.selectFrom('topics').select(sql<number>`accepted_post_id`.as('id')).where('accepted_post_id', 'is not', null))
    .union(db.selectFrom('applied').select('subject_id as id').where('subject_type', '=', 'post'))
    .execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Recomputes all evidence from scratch (the demo seed and importers call it; so can an operator).
 * Pass a transaction to make it atomic. Returns how many evidence rows there are now.
 */
export async function rebuildEvidence(db: Db): Promise<number> {
  await db.deleteFrom('expertise_evidence_tags').execute();
  await db.deleteFrom('expertise_evidence').execute();
  const articles = (await db.selectFrom('articles').select('id').where('state', '!=', 'draft').orderBy('id').execute()).map((a) => a.id);
  await replaceEvidence(db, { posts: await candidatePosts(db), articles });
  const n = await db.selectFrom('expertise_evidence').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(n.n);
}
