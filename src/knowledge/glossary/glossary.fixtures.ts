import type { Db } from '../../core/db/index.ts';
import { renderMarkdown } from '../../core/markdown/index.ts';

/** Rows in glossary_terms, for "writes nothing" assertions. */
export async function countTerms(db: Db): Promise<number> {
  const r = await db.selectFrom('glossary_terms').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Activity rows with a glossary verb. */
export async function countGlossaryActivity(db: Db, verb: string): Promise<number> {
  const r = await db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).where('verb', '=', verb).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts a term directly (fast setup); returns its id. */
export async function makeTerm(db: Db, communityId: number, ownerId: number, term: string, synonyms: string[] = [], definition = `What ${term} means.`): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('glossary_terms')
    .values({
      community_id: communityId, term, term_key: term.toLowerCase(), definition, definition_html: renderMarkdown(definition).html,
      synonyms: JSON.stringify(synonyms), search_key: [term, ...synonyms].join('\n').toLowerCase(), owner_id: ownerId, created_by: ownerId, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
