import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { ImportSourceKind } from '../../core/db/tables/sources.ts';

/** Rows per multi-row INSERT: well under both databases' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535). */
export const BATCH = 500;

/**
 * Ids assigned by one multi-row insert, in the order of the rows given. Both databases hand out the
 * ids of one statement in row order, so sorting what RETURNING gives restores that order whatever
 * order it arrives in.
 */
export function idsInOrder(rows: Array<{ id: number }>): number[] {
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** One origin row to write. */
export interface SourceRow {
  kind: ImportSourceKind;
  originalId: number;
  localId: number;
  postId?: number | null;
  url?: string;
  license?: string;
  authorName?: string;
  createdAt: string;
}

/** Writes origin rows in batches (unique on site+kind+original id: what makes re-running skip them). */
export async function insertSources(db: Db, communityId: number, site: string, at: string, rows: SourceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => ({
      community_id: communityId,
      site,
      kind: r.kind,
      original_id: r.originalId,
      local_id: r.localId,
      post_id: r.postId ?? null,
      url: r.url ?? '',
      license: r.license ?? '',
      author_name: r.authorName ?? '',
      created_at: r.createdAt,
      imported_at: at,
    }));
    await db.insertInto('import_sources').values(values).execute();
  }
}

/** Adds `delta` to each post's score in one statement: score = score + CASE id WHEN … END. */
export async function addToScores(db: Db, deltas: Map<number, number>): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d !== 0);
  for (let i = 0; i < entries.length; i += BATCH) {
    const part = entries.slice(i, i + BATCH);
    const cases = sql.join(part.map(([id, d]) => sql`when ${id} then ${d}`), sql` `);
    await sql`update posts set score = score + cast(case id ${cases} else 0 end as integer) where id in (${sql.join(part.map(([id]) => id))})`.execute(db);
  }
}

/** Sets accepted_post_id of topics in one statement per batch. */
export async function setAcceptedAnswers(db: Db, accepted: Map<number, number>): Promise<void> {
  const entries = [...accepted];
  for (let i = 0; i < entries.length; i += BATCH) {
    const part = entries.slice(i, i + BATCH);
    const cases = sql.join(part.map(([topicId, postId]) => sql`when ${topicId} then ${postId}`), sql` `);
    await sql`update topics set accepted_post_id = cast(case id ${cases} end as integer) where id in (${sql.join(part.map(([id]) => id))})`.execute(db);
  }
}

/**
 * Makes the counters of a site's imported topics and posts, and the community's member count, agree
 * with the rows: reply and answer counts, last_posted_at, comment counts.
 */
export async function recountImported(db: Db, communityId: number, site: string): Promise<void> {
  await sql`update posts set comment_count = (select count(*) from comments c where c.post_id = posts.id and c.deleted_at is null)
    where id in (select post_id from import_sources where site = ${site} and kind in ('question', 'answer'))`.execute(db);
  const live = sql`from posts p where p.topic_id = topics.id and p.deleted_at is null`;
  await sql`update topics set
      reply_count = (select count(*) ${live} and p.kind <> 'opening'),
      answer_count = (select count(*) ${live} and p.kind = 'answer'),
      last_posted_at = coalesce((select max(p.created_at) ${live}), topics.created_at)
    where id in (select local_id from import_sources where site = ${site} and kind = 'question')`.execute(db);
  await sql`update communities set member_count = (select count(*) from memberships m where m.community_id = ${communityId}) where id = ${communityId}`.execute(db);
}
