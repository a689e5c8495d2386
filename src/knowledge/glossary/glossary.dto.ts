import type { Actor } from '../../core/permissions/index.ts';
import type { TermDto } from './glossary.schema.ts';
import { canEditTerm, type GlossaryCommunity } from './glossary.service.ts';
import type { TermRow } from './glossary.store.ts';

/** The API (and view) shape of a term, for a caller who may read its community. */
export function termDto(actor: Actor | null, found: GlossaryCommunity, t: TermRow): TermDto {
  return {
    id: t.id,
    community: { slug: found.community.slug, name: found.community.name },
    term: t.term,
    definition: t.definition,
    definitionHtml: t.definition_html,
    synonyms: JSON.parse(t.synonyms) as string[],
    owner: { id: t.owner_id, username: t.owner_username, displayName: t.owner_display_name },
    canEdit: canEditTerm(actor, found.access, t),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}
