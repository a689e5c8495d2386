import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, conflict, notFound } from '../../core/http/errors.ts';
import type { Db } from '../../core/db/index.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { assertMayEditCollection, findReadableCollection } from './collections.service.ts';
import { itemsOf, type CollectionItem } from './collections.store.ts';

/** The longest note on a collection item, in characters. */
export const ITEM_NOTE_MAX = 300;

/** What to add: an article or topic of the collection's community, with an optional short note. */
export interface NewItem {
  type: 'article' | 'topic';
  targetId: number;
  note?: string | undefined;
}

const notHere = (type: string) => badRequest(`That ${type} is not in this collection’s community`, [{ field: 'targetId', message: `must be a${type === 'article' ? 'n' : ''} ${type} of this collection’s community` }]);

/** Locks the collection row (PostgreSQL) and marks it changed, so concurrent item writes go in turn. */
async function touch(tx: Db, id: number, at: string): Promise<void> {
  await tx.updateTable('collections').set({ updated_at: at }).where('id', '=', id).execute();
}

async function visibleItems(db: Db, id: number): Promise<CollectionItem[]> {
  return (await itemsOf(db, [id])).get(id) ?? [];
}

/**
 * Adds an article or a topic at the end of a collection (owner, stewards, moderators). The target must
 * exist in the collection's community — readable to the same people — else 400 naming `targetId`;
 * 409 when it is already in the collection; 400 naming `note` for a note over ITEM_NOTE_MAX.
 */
export async function addItem(deps: Deps, actor: Actor | null, collectionId: number, item: NewItem): Promise<number> {
  const r = await findReadableCollection(deps, actor, collectionId);
  const editor = assertMayEditCollection(actor, r);
  const note = (item.note ?? '').trim();
  if (note.length > ITEM_NOTE_MAX) throw badRequest(`Note must be at most ${ITEM_NOTE_MAX} characters`, [{ field: 'note', message: `must be at most ${ITEM_NOTE_MAX} characters` }]);
  const target =
    item.type === 'article'
      ? await deps.db.selectFrom('articles').select(['community_id', 'title']).where('id', '=', item.targetId).executeTakeFirst()
      : await deps.db.selectFrom('topics').select(['community_id', 'title']).where('id', '=', item.targetId).where('deleted_at', 'is', null).where('merged_into', 'is', null).executeTakeFirst();
  if (!target || target.community_id !== r.collection.communityId) throw notHere(item.type);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    await touch(tx, collectionId, at);
    const dup = await tx.selectFrom('collection_items').select('id').where('collection_id', '=', collectionId).where('target_type', '=', item.type).where('target_id', '=', item.targetId).executeTakeFirst();
    if (dup) throw conflict(`That ${item.type} is already in this collection`, [{ field: 'targetId', message: 'is already in this collection' }]);
    const last = await tx.selectFrom('collection_items').select((eb) => eb.fn.max('position').as('p')).where('collection_id', '=', collectionId).executeTakeFirst();
    const position = Number(last?.p ?? 0) + 1;
    const { id } = await tx.insertInto('collection_items').values({ collection_id: collectionId, position, target_type: item.type, target_id: item.targetId, note, added_by: editor.id, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await recordActivity(tx, { actorId: editor.id, verb: 'collection.item_added', communityId: r.collection.communityId, subjectType: 'collection', subjectId: collectionId, data: { type: item.type, targetId: item.targetId, title: target.title }, at });
    return id;
  });
}

/** Removes one item (owner, stewards, moderators); 404 when it is not in this collection. */
export async function removeItem(deps: Deps, actor: Actor | null, collectionId: number, itemId: number): Promise<void> {
  const r = await findReadableCollection(deps, actor, collectionId);
  const editor = assertMayEditCollection(actor, r);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await touch(tx, collectionId, at);
    const gone = await tx.deleteFrom('collection_items').where('id', '=', itemId).where('collection_id', '=', collectionId).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw notFound('Item');
    await recordActivity(tx, { actorId: editor.id, verb: 'collection.item_removed', communityId: r.collection.communityId, subjectType: 'collection', subjectId: collectionId, data: { itemId }, at });
  });
}

/**
 * Puts the items in the given order: `order` must list every visible item id of the collection exactly
 * once (400 naming `items` otherwise). Items that dropped out (deleted topics) keep their place after.
 */
export async function reorderItems(deps: Deps, actor: Actor | null, collectionId: number, order: number[]): Promise<void> {
  const r = await findReadableCollection(deps, actor, collectionId);
  const editor = assertMayEditCollection(actor, r);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await touch(tx, collectionId, at);
    const current = (await visibleItems(tx, collectionId)).map((i) => i.id);
    const same = order.length === current.length && new Set(order).size === order.length && order.every((id) => current.includes(id));
    if (!same) throw badRequest('Items must list every item of the collection exactly once', [{ field: 'items', message: 'must list every item id of the collection exactly once' }]);
    const hidden = await tx.selectFrom('collection_items').select('id').where('collection_id', '=', collectionId).where('id', 'not in', current.length > 0 ? current : [0]).orderBy('position').orderBy('id').execute();
    const all = [...order, ...hidden.map((h) => h.id)];
    for (const [i, id] of all.entries()) await tx.updateTable('collection_items').set({ position: i + 1 }).where('id', '=', id).where('collection_id', '=', collectionId).execute();
    await recordActivity(tx, { actorId: editor.id, verb: 'collection.reordered', communityId: r.collection.communityId, subjectType: 'collection', subjectId: collectionId, data: { items: order }, at });
  });
}

/** Moves one item a place up or down (the no-JavaScript buttons); at either end nothing changes. */
export async function moveItem(deps: Deps, actor: Actor | null, collectionId: number, itemId: number, direction: 'up' | 'down'): Promise<void> {
  const ids = (await visibleItems(deps.db, collectionId)).map((i) => i.id);
  const at = ids.indexOf(itemId);
  if (at < 0) {
    assertMayEditCollection(actor, await findReadableCollection(deps, actor, collectionId));
    throw notFound('Item');
  }
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= ids.length) {
    // Already at that end: nothing to change, but only editors may learn that.
    assertMayEditCollection(actor, await findReadableCollection(deps, actor, collectionId));
    return;
  }
  [ids[at], ids[to]] = [ids[to] as number, ids[at] as number];
  await reorderItems(deps, actor, collectionId, ids);
}
