import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../../core/http/errors.ts';
import { canPost, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import type { CommunityRow } from '../../communities/communities.access.ts';
import { renderPostBody } from '../../discussions/post-body.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { findCollection, type Collection } from './collections.store.ts';

/** The longest description of a collection, in characters. */
export const DESCRIPTION_MAX = 5000;

/** A collection the actor may read, with its community and the actor's access. */
export interface ReadableCollection {
  collection: Collection;
  community: CommunityRow;
  access: CommunityAccess;
}

/** Loads a collection the actor may read; 404 when missing or in a community they may not read. */
export async function findReadableCollection(deps: Deps, actor: Actor | null, id: number): Promise<ReadableCollection> {
  const collection = await findCollection(deps.db, id);
  if (!collection) throw notFound('Collection');
  const c = await deps.db.selectFrom('communities').select('slug').where('id', '=', collection.communityId).executeTakeFirstOrThrow();
  const found = await readableCommunity(deps, actor, c.slug).catch(() => {
    throw notFound('Collection');
  });
  return { collection, ...found };
}

/** May the actor change the collection? Members who own it, and the community's stewards and moderators. */
export function canEditCollection(actor: Actor | null, access: CommunityAccess, c: Collection): boolean {
  if (!actor || access.role === null) return false;
  return c.owner.id === actor.id || access.role === 'steward' || access.role === 'moderator';
}

/** 401 for anonymous, 403 unless the actor may edit; returns the actor. */
export function assertMayEditCollection(actor: Actor | null, r: ReadableCollection): Actor {
  if (!actor) throw unauthenticated('Sign in to change collections.');
  if (!canEditCollection(actor, r.access, r.collection)) throw forbidden('Only the owner of this collection (or stewards and moderators) may change it.');
  return actor;
}

/** What a collection is written from; absent fields stay as they are on edit. */
export interface CollectionInput {
  title?: string | undefined;
  description?: string | undefined;
}

async function checked(deps: Deps, input: CollectionInput) {
  const max = deps.config.limits.titleMax;
  const title = input.title?.trim();
  if (input.title !== undefined && (title === '' || (title?.length ?? 0) > max)) throw badRequest(`Title must be 1 to ${max} characters`, [{ field: 'title', message: `must be 1 to ${max} characters` }]);
  const description = input.description?.trim();
  if (description !== undefined && description.length > DESCRIPTION_MAX) throw badRequest(`Description must be at most ${DESCRIPTION_MAX} characters`, [{ field: 'description', message: `must be at most ${DESCRIPTION_MAX} characters` }]);
  const html = description ? (await renderPostBody(deps.db, description, 'description')).html : '';
  return { title, description, html };
}

/** Creates a collection (members only) owned by the actor, with an activity row. Returns its id. */
export async function createCollection(deps: Deps, actor: Actor | null, slug: string, input: CollectionInput): Promise<number> {
  if (!actor) throw unauthenticated('Sign in to make collections.');
  const { community, access } = await readableCommunity(deps, actor, slug);
  if (!canPost(actor, access)) throw forbidden('Only members of this community can make collections. Join it first.');
  const v = await checked(deps, { title: input.title ?? '', description: input.description ?? '' });
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('collections')
      .values({ community_id: community.id, owner_id: actor.id, title: v.title ?? '', description: v.description ?? '', description_html: v.html, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordActivity(tx, { actorId: actor.id, verb: 'collection.created', communityId: community.id, subjectType: 'collection', subjectId: id, data: { title: v.title }, at });
    return id;
  });
}

/** Changes a collection's title or description (owner, stewards, moderators). */
export async function editCollection(deps: Deps, actor: Actor | null, id: number, input: CollectionInput): Promise<void> {
  const r = await findReadableCollection(deps, actor, id);
  const editor = assertMayEditCollection(actor, r);
  const v = await checked(deps, input);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('collections')
      .set({ updated_at: at, ...(v.title !== undefined ? { title: v.title } : {}), ...(v.description !== undefined ? { description: v.description, description_html: v.html } : {}) })
      .where('id', '=', id)
      .execute();
    await recordActivity(tx, { actorId: editor.id, verb: 'collection.edited', communityId: r.collection.communityId, subjectType: 'collection', subjectId: id, data: { title: v.title ?? r.collection.title }, at });
  });
}

/** Deletes a collection and its items (owner, stewards, moderators); the articles and topics stay. */
export async function deleteCollection(deps: Deps, actor: Actor | null, id: number): Promise<ReadableCollection> {
  const r = await findReadableCollection(deps, actor, id);
  const editor = assertMayEditCollection(actor, r);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('collection_items').where('collection_id', '=', id).execute();
    await tx.deleteFrom('collections').where('id', '=', id).execute();
    await recordActivity(tx, { actorId: editor.id, verb: 'collection.deleted', communityId: r.collection.communityId, subjectType: 'collection', subjectId: id, data: { title: r.collection.title }, at });
  });
  return r;
}
