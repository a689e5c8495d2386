import type { Deps } from '../core/deps.ts';
import { recordActivity } from '../core/activity.ts';
import { indexCommunity } from '../search/search.index.ts';
import type { FieldIssue } from '../core/http/errors.ts';
import { canEditCommunity, type Actor } from '../core/permissions/index.ts';
import type { CommunityRow } from './communities.access.ts';
import { communityErrors } from './communities.errors.ts';
import { requireReadable, type Found } from './communities.guard.ts';
import { RESERVED_SLUGS, TAG_PATTERN, type CommunityInput } from './communities.schema.ts';
import { insertCommunity, replaceTags, slugTaken, tagsByCommunity, updateCommunityRow } from './communities.store.ts';

type Limits = Deps['config']['limits'];

/** Splits the form's comma-separated tags into a list: trimmed, lowercased, duplicates dropped. */
export function parseTagList(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/**
 * Trims the input and checks the rules a schema cannot say: non-blank text after trimming, tags,
 * sponsor when formal, location when local, reserved slugs. Returns the clean input and the issues.
 */
export function checkCommunityInput(input: CommunityInput, limits: Limits): { value: CommunityInput; issues: FieldIssue[] } {
  const value: CommunityInput = {
    ...input,
    name: input.name.trim(),
    slug: input.slug.trim(),
    domainStatement: input.domainStatement.trim(),
    description: (input.description ?? '').trim(),
    sponsor: input.formality === 'formal' ? (input.sponsor ?? '').trim() : '',
    location: input.locality === 'local' ? (input.location ?? '').trim() : '',
    tags: [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()))],
  };
  const issues: FieldIssue[] = [];
  if (value.name.length < 3) issues.push({ field: 'name', message: 'Name must be at least 3 characters' });
  if (RESERVED_SLUGS.includes(value.slug)) issues.push({ field: 'slug', message: `Slug "${value.slug}" is reserved; choose another` });
  if (!value.domainStatement) issues.push({ field: 'domainStatement', message: 'Domain statement must not be empty: say what the community is about' });
  const tags = value.tags ?? [];
  const bad = tags.find((t) => t.length > 30 || !new RegExp(TAG_PATTERN).test(t));
  if (bad !== undefined) issues.push({ field: 'tags', message: `Tag "${bad}" must be at most 30 lowercase letters, digits or hyphens` });
  else if (tags.length > limits.tagsMax) issues.push({ field: 'tags', message: `Tags must be at most ${limits.tagsMax}` });
  if (value.formality === 'formal' && !value.sponsor) issues.push({ field: 'sponsor', message: 'Sponsor is required for a formal community' });
  if (value.locality === 'local' && !value.location) issues.push({ field: 'location', message: 'Location is required for a local community' });
  return { value, issues };
}

function columns(v: CommunityInput) {
  return {
    slug: v.slug,
    name: v.name,
    domain_statement: v.domainStatement,
    description: v.description ?? '',
    formality: v.formality,
    sponsor: v.sponsor ?? '',
    locality: v.locality,
    location: v.location ?? '',
    visibility: v.visibility,
    join_policy: v.joinPolicy,
    accept_by: v.acceptBy ?? 'asker_or_steward',
    tag_policy: v.tagPolicy ?? 'open',
  };
}

/** The community's editable fields, in the API's shape (for merging a patch or filling the edit form). */
export async function communityInputOf(deps: Deps, c: CommunityRow): Promise<CommunityInput> {
  const tags = (await tagsByCommunity(deps.db, [c.id])).get(c.id) ?? [];
  return {
    name: c.name,
    slug: c.slug,
    domainStatement: c.domain_statement,
    description: c.description,
    tags,
    formality: c.formality,
    sponsor: c.sponsor,
    locality: c.locality,
    location: c.location,
    visibility: c.visibility,
    joinPolicy: c.join_policy,
    acceptBy: c.accept_by,
    tagPolicy: c.tag_policy,
  };
}

/**
 * Creates a community with the actor as its first steward, in one transaction with its tags and a
 * 'community.created' activity row. Throws 400 (issues) or 409 (slug taken); nothing is written then.
 */
export async function createCommunity(deps: Deps, actor: Actor, input: CommunityInput): Promise<CommunityRow> {
  const { value, issues } = checkCommunityInput(input, deps.config.limits);
  if (issues.length > 0) throw communityErrors.invalid(issues);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const row = await insertCommunity(tx, { ...columns(value), member_count: 1, created_by: actor.id, created_at: at, updated_at: at });
    if (!row) throw communityErrors.slugTaken(value.slug);
    await tx.insertInto('memberships').values({ community_id: row.id, user_id: actor.id, role: 'steward', created_at: at }).execute();
    await replaceTags(tx, row.id, value.tags ?? []);
    await indexCommunity(tx, row.id);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.created', communityId: row.id, subjectType: 'community', subjectId: row.id, data: { slug: row.slug, name: row.name }, at });
    return row;
  });
}

/**
 * Applies a (partial) change to a community the actor may edit, with a 'community.updated' activity
 * row naming the changed fields. Throws 404/403 (requireReadable, not a steward), 400 or 409; nothing
 * is written then.
 */
export async function updateCommunity(deps: Deps, actor: Actor, found: Found, patch: Partial<CommunityInput>): Promise<CommunityRow> {
  const { community, access } = found;
  requireReadable(actor, found);
  if (!canEditCommunity(actor, access)) throw communityErrors.forbidden('Only stewards can change this community.');
  const before = await communityInputOf(deps, community);
  const merged = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as CommunityInput;
  const { value, issues } = checkCommunityInput(merged, deps.config.limits);
  if (issues.length > 0) throw communityErrors.invalid(issues);
  const changed = (Object.keys(value) as Array<keyof CommunityInput>).filter((k) => JSON.stringify(value[k]) !== JSON.stringify(before[k]));
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    if (value.slug !== community.slug && (await slugTaken(tx, value.slug, community.id))) throw communityErrors.slugTaken(value.slug);
    const row = await updateCommunityRow(tx, community.id, { ...columns(value), updated_at: at });
    if (changed.includes('tags')) await replaceTags(tx, row.id, value.tags ?? []);
    await indexCommunity(tx, row.id);
    await recordActivity(tx, { actorId: actor.id, verb: 'community.updated', communityId: row.id, subjectType: 'community', subjectId: row.id, data: { fields: changed }, at });
    return row;
  });
}
