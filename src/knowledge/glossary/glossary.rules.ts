import type { Db } from '../../core/db/index.ts';
import { badRequest, conflict, type FieldIssue } from '../../core/http/errors.ts';
import { GLOSSARY_LIMITS as L, type TermInput } from './glossary.schema.ts';
import { findMemberByUsername, namesInCommunity } from './glossary.store.ts';

/** A term's fields after the checks: trimmed, owner resolved to a user id. */
export interface CheckedTerm {
  term: string;
  definition: string;
  synonyms: string[];
  ownerId: number;
}

function checkFields(input: TermInput): { value: Omit<CheckedTerm, 'ownerId'>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const term = String(input.term ?? '').trim();
  const definition = String(input.definition ?? '').trim();
  const synonyms = (input.synonyms ?? []).map((s) => String(s).trim());
  if (!term) issues.push({ field: 'term', message: 'Term must not be empty' });
  else if (term.length > L.term) issues.push({ field: 'term', message: `Term must be at most ${L.term} characters` });
  if (!definition) issues.push({ field: 'definition', message: 'Definition must not be empty' });
  else if (definition.length > L.definition) issues.push({ field: 'definition', message: `Definition must be at most ${L.definition} characters` });
  const keys = synonyms.map((s) => s.toLowerCase());
  if (synonyms.length > L.synonyms) issues.push({ field: 'synonyms', message: `Synonyms must be at most ${L.synonyms}` });
  else if (synonyms.some((s) => !s || s.length > L.synonym)) issues.push({ field: 'synonyms', message: `Each synonym must be 1 to ${L.synonym} characters` });
  else if (new Set(keys).size !== keys.length || keys.includes(term.toLowerCase())) {
    issues.push({ field: 'synonyms', message: 'Synonyms must differ from each other and from the term' });
  }
  return { value: { term, definition, synonyms }, issues };
}

/**
 * Checks a term's fields for the community (400 naming each bad field; 409 naming `term` or
 * `synonyms` when one is already a term or synonym of another term there). `exceptId` is the term
 * being edited. The owner is `input.owner` (a member's username) or else `defaultOwnerId`.
 */
export async function checkTermInput(db: Db, communityId: number, exceptId: number | null, input: TermInput, defaultOwnerId: number): Promise<CheckedTerm> {
  const { value, issues } = checkFields(input);
  let ownerId = defaultOwnerId;
  if (input.owner !== undefined && input.owner.trim() !== '') {
    const owner = await findMemberByUsername(db, communityId, input.owner.trim().replace(/^@/, ''));
    if (owner) ownerId = owner.id;
    else issues.push({ field: 'owner', message: 'Owner must be a member of this community' });
  }
  if (issues.length) throw badRequest(issues.map((i) => i.message).join('; '), issues);
  const taken = new Set<string>();
  for (const row of await namesInCommunity(db, communityId)) {
    if (row.id === exceptId) continue;
    taken.add(row.term_key);
    for (const s of JSON.parse(row.synonyms) as string[]) taken.add(s.toLowerCase());
  }
  const clashes: FieldIssue[] = [];
  if (taken.has(value.term.toLowerCase())) clashes.push({ field: 'term', message: `“${value.term}” is already in this glossary` });
  const dup = value.synonyms.filter((s) => taken.has(s.toLowerCase()));
  if (dup.length) clashes.push({ field: 'synonyms', message: `Already in this glossary: ${dup.join(', ')}` });
  if (clashes.length) throw conflict(clashes.map((c) => c.message).join('; '), clashes);
  return { ...value, ownerId };
}
