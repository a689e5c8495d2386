import type { Deps } from '../../core/deps.ts';
import { recordActivity } from '../../core/activity.ts';
import { indexGlossaryTerm } from '../../search/search.index.ts';
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { renderMarkdown } from '../../core/markdown/index.ts';
import { canPost, canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { accessOf, findCommunityForActor, findRole, type CommunityRow } from '../../communities/communities.access.ts';
import type { TermInput, TermPatch } from './glossary.schema.ts';
import { deleteTerm as deleteRow, findTerm, insertTerm, searchKeyOf, updateTerm as updateRow, type TermRow } from './glossary.store.ts';
import { checkTermInput } from './glossary.rules.ts';

/** A community whose glossary the actor may read. */
export interface GlossaryCommunity {
  community: CommunityRow;
  access: CommunityAccess;
}

/** The community by slug if the actor may read it; 404 otherwise (admins included: members only). */
export async function readableCommunity(deps: Deps, actor: Actor | null, slug: string): Promise<GlossaryCommunity> {
  const found = await findCommunityForActor(deps.db, slug, actor);
  if (!found || !canReadCommunity(actor, found.access)) throw notFound('Community');
  return found;
}

/** A term the actor may read, with its community; 404 when there is none or it is private to others. */
export async function readableTerm(deps: Deps, actor: Actor | null, id: number): Promise<GlossaryCommunity & { term: TermRow }> {
  const term = await findTerm(deps.db, id);
  const community = term && (await deps.db.selectFrom('communities').selectAll().where('id', '=', term.community_id).executeTakeFirst());
  if (!term || !community) throw notFound('Term');
  const access = accessOf(community, await findRole(deps.db, community.id, actor));
  if (!canReadCommunity(actor, access)) throw notFound('Term');
  return { term, community, access };
}

/** May the actor edit, re-own or delete the term? Its owner, or the community's stewards and moderators. */
export function canEditTerm(actor: Actor | null, access: CommunityAccess, term: { owner_id: number }): boolean {
  if (!actor || access.role === null) return false;
  return term.owner_id === actor.id || access.role === 'steward' || access.role === 'moderator';
}

/** A unique-index race (two people adding the same term at once) is a 409 naming `term`, never a 500. */
function termTaken(err: unknown): never {
  const e = err as { code?: string; message?: string };
  if (!(err instanceof AppError) && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(e.message ?? ''))) {
    throw conflict('That term is already in this glossary', [{ field: 'term', message: 'That term is already in this glossary' }]);
  }
  throw err;
}

/** Creates a term (members only: 401 anonymous, 404 unreadable, 403 non-member); returns its id. */
export async function createTerm(deps: Deps, actor: Actor | null, slug: string, input: TermInput): Promise<number> {
  const { community, access } = await readableCommunity(deps, actor, slug);
  if (!actor) throw unauthenticated('Sign in to add to the glossary.');
  if (!canPost(actor, access)) throw forbidden('Only members of this community can add terms. Join it first.');
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const v = await checkTermInput(tx, community.id, null, input, actor.id);
    const id = await insertTerm(tx, {
      community_id: community.id, term: v.term, term_key: v.term.toLowerCase(), definition: v.definition,
      definition_html: renderMarkdown(v.definition).html, synonyms: JSON.stringify(v.synonyms), search_key: searchKeyOf(v.term, v.synonyms), owner_id: v.ownerId,
      created_by: actor.id, created_at: at, updated_at: at,
    });
    await indexGlossaryTerm(tx, id);
    await recordActivity(tx, { actorId: actor.id, verb: 'glossary.term_created', communityId: community.id, subjectType: 'glossary_term', subjectId: id, data: { term: v.term }, at });
    return id;
  }).catch(termTaken);
}

async function editableTerm(deps: Deps, actor: Actor | null, id: number) {
  const found = await readableTerm(deps, actor, id);
  if (!actor) throw unauthenticated('Sign in to edit the glossary.');
  if (!canEditTerm(actor, found.access, found.term)) throw forbidden('Only the term’s owner, stewards and moderators can change it.');
  return { ...found, actor };
}

/** Changes a term (owner, stewards, moderators). */
export async function updateTerm(deps: Deps, actor: Actor | null, id: number, patch: TermPatch): Promise<void> {
  const { term, community, actor: a } = await editableTerm(deps, actor, id);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    // The owner is checked only when it changes: a term whose owner has left stays editable.
    const { owner, ...rest } = patch;
    const newOwner = owner !== undefined && owner.trim().replace(/^@/, '') !== term.owner_username ? { owner } : {};
    const current: TermInput = { term: term.term, definition: term.definition, synonyms: JSON.parse(term.synonyms) as string[] };
    const v = await checkTermInput(tx, community.id, term.id, { ...current, ...rest, ...newOwner }, term.owner_id);
    await updateRow(tx, term.id, {
      term: v.term, term_key: v.term.toLowerCase(), definition: v.definition, definition_html: renderMarkdown(v.definition).html,
      synonyms: JSON.stringify(v.synonyms), search_key: searchKeyOf(v.term, v.synonyms), owner_id: v.ownerId, updated_at: at,
    });
    await indexGlossaryTerm(tx, term.id);
    await recordActivity(tx, { actorId: a.id, verb: 'glossary.term_updated', communityId: community.id, subjectType: 'glossary_term', subjectId: term.id, data: { term: v.term, fields: Object.keys(patch) }, at });
  }).catch(termTaken);
}

/** Deletes a term (owner, stewards, moderators). */
export async function deleteTerm(deps: Deps, actor: Actor | null, id: number): Promise<{ slug: string }> {
  const { term, community, actor: a } = await editableTerm(deps, actor, id);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await deleteRow(tx, term.id);
    await indexGlossaryTerm(tx, term.id);
    await recordActivity(tx, { actorId: a.id, verb: 'glossary.term_deleted', communityId: community.id, subjectType: 'glossary_term', subjectId: term.id, data: { term: term.term }, at });
  });
  return { slug: community.slug };
}
