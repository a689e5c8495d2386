import type { Db } from '../../core/db/index.ts';
import { explanationOf, glossaryMarker } from './mark-terms.ts';

/**
 * The glossary marker for pages of one community: its terms (and synonyms) link to their glossary
 * entries, explained on hover and focus. Only the community's own terms are used, on the community's
 * own content, so a reader never sees a term from a community they cannot read.
 */
export async function loadGlossaryMarker(db: Db, community: { id: number; slug: string }): Promise<(html: string) => string> {
  const rows = await db.selectFrom('glossary_terms').select(['id', 'term', 'synonyms', 'definition_html']).where('community_id', '=', community.id).execute();
  return glossaryMarker(
    rows.map((r) => ({
      id: r.id,
      term: r.term,
      synonyms: parseSynonyms(r.synonyms),
      href: `/c/${community.slug}/glossary/${r.id}`,
      explanation: explanationOf(r.definition_html),
    })),
  );
}

function parseSynonyms(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
