import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import type { GlossaryTermTable } from '../../core/db/schema.ts';
import type { Cursor } from '../../core/http/pagination.ts';

/** A glossary term as stored, with its owner's names. */
export type TermRow = Selectable<GlossaryTermTable> & { owner_username: string; owner_display_name: string };

function selectTerms(db: Db) {
  return db
    .selectFrom('glossary_terms')
    .innerJoin('users', 'users.id', 'glossary_terms.owner_id')
    .selectAll('glossary_terms')
    .select(['users.username as owner_username', 'users.display_name as owner_display_name']);
}

/** One term by id (any community; callers check the visibility rule), or undefined. */
export async function findTerm(db: Db, id: number): Promise<TermRow | undefined> {
  return selectTerms(db).where('glossary_terms.id', '=', id).executeTakeFirst();
}

/**
 * A community's terms in alphabetical order (by lower-cased term, then id), after a keyset cursor,
 * optionally only those whose term or synonyms contain `q` (case-insensitive).
 */
export async function listTerms(db: Db, communityId: number, opts: { q?: string; after: Cursor | null; limit: number }): Promise<TermRow[]> {
  let query = selectTerms(db).where('glossary_terms.community_id', '=', communityId);
  const q = opts.q?.trim().toLowerCase();
  if (q) {
    const like = `%${q}%`;
    query = query.where('glossary_terms.search_key', 'like', like);
  }
  const after = opts.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('glossary_terms.term_key', '>', String(after.v)),
        eb.and([eb('glossary_terms.term_key', '=', String(after.v)), eb('glossary_terms.id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('glossary_terms.term_key').orderBy('glossary_terms.id').limit(opts.limit).execute();
}

/** Every term and synonym of a community (for uniqueness checks), lower-cased, with the term id. */
export async function namesInCommunity(db: Db, communityId: number): Promise<Array<{ id: number; term_key: string; synonyms: string }>> {
  return db.selectFrom('glossary_terms').select(['id', 'term_key', 'synonyms']).where('community_id', '=', communityId).execute();
}

/** The search_key of a term: the term and its synonyms, lower-cased, one per line. */
export function searchKeyOf(term: string, synonyms: string[]): string {
  return [term, ...synonyms].join('\n').toLowerCase();
}

/** Inserts a term; returns its id. */
export async function insertTerm(db: Db, values: Insertable<GlossaryTermTable>): Promise<number> {
  const row = await db.insertInto('glossary_terms').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a term's columns. */
export async function updateTerm(db: Db, id: number, values: Updateable<GlossaryTermTable>): Promise<void> {
  await db.updateTable('glossary_terms').set(values).where('id', '=', id).execute();
}

/** Deletes a term. */
export async function deleteTerm(db: Db, id: number): Promise<void> {
  await db.deleteFrom('glossary_terms').where('id', '=', id).execute();
}

/** The member of the community with that username (any role), or undefined. */
export async function findMemberByUsername(db: Db, communityId: number, username: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.community_id', '=', communityId)
    .where('users.username', '=', username)
    .executeTakeFirst();
}
