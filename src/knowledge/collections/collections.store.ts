import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';

/** A person as shown beside a collection. */
export interface Person {
  id: number;
  username: string;
  displayName: string;
}

/** A collection as read from the store (without its items). */
export interface Collection {
  id: number;
  communityId: number;
  title: string;
  description: string;
  descriptionHtml: string;
  owner: Person;
  createdAt: string;
  updatedAt: string;
}

/** One visible entry of a collection: an article or a topic of its community. */
export interface CollectionItem {
  id: number;
  position: number;
  kind: 'article' | 'topic';
  targetId: number;
  title: string;
  /** The article's type, or the topic's kind (discussion/question). */
  label: string;
  note: string;
  url: string;
}

function base(db: Db) {
  return db
    .selectFrom('collections')
    .innerJoin('users', 'users.id', 'collections.owner_id')
    .select(['collections.id', 'collections.community_id', 'collections.title', 'collections.description', 'collections.description_html', 'collections.created_at', 'collections.updated_at', 'users.id as owner_id', 'users.username', 'users.display_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toCollection = (r: Row): Collection => ({
  id: r.id,
  communityId: r.community_id,
  title: r.title,
  description: r.description,
  descriptionHtml: r.description_html,
  owner: { id: r.owner_id, username: r.username, displayName: r.display_name },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One collection by id, or undefined. Does not check visibility: the service does. */
export async function findCollection(db: Db, id: number): Promise<Collection | undefined> {
  const r = await base(db).where('collections.id', '=', id).executeTakeFirst();
  return r ? toCollection(r) : undefined;
}

/** A community's collections, most recently changed first (keyset on updated_at, id). Fetch limit+1 to paginate. */
export async function listCollections(db: Db, communityId: number, f: { after: Cursor | null; limit: number }): Promise<Collection[]> {
  let q = base(db).where('collections.community_id', '=', communityId);
  const after = f.after;
  if (after) q = q.where((eb) => eb.or([eb('collections.updated_at', '<', String(after.v)), eb.and([eb('collections.updated_at', '=', String(after.v)), eb('collections.id', '<', after.id)])]));
  return (await q.orderBy('collections.updated_at', 'desc').orderBy('collections.id', 'desc').limit(f.limit).execute()).map(toCollection);
}

/** The collections of a community the actor may edit: all of them for stewards and moderators, else their own. */
export async function editableCollections(db: Db, communityId: number, userId: number, allOfThem: boolean): Promise<Collection[]> {
  let q = base(db).where('collections.community_id', '=', communityId);
  if (!allOfThem) q = q.where('collections.owner_id', '=', userId);
  return (await q.orderBy('collections.title').orderBy('collections.id').limit(200).execute()).map(toCollection);
}

/**
 * The visible items of collections, in order, by collection id. Items whose article or topic is gone,
 * deleted, merged away or (defensively) in another community drop out.
 */
export async function itemsOf(db: Db, collectionIds: number[]): Promise<Map<number, CollectionItem[]>> {
  const out = new Map<number, CollectionItem[]>();
  if (collectionIds.length === 0) return out;
  const cols = ['collection_items.id', 'collection_items.collection_id', 'collection_items.position', 'collection_items.target_id', 'collection_items.note', 'communities.slug'] as const;
  const articles = await db
    .selectFrom('collection_items')
    .innerJoin('collections', 'collections.id', 'collection_items.collection_id')
    .innerJoin('articles', (j) => j.onRef('articles.id', '=', 'collection_items.target_id').onRef('articles.community_id', '=', 'collections.community_id'))
    .innerJoin('communities', 'communities.id', 'collections.community_id')
    .select([...cols, 'articles.title', 'articles.type as label'])
    .where('collection_items.target_type', '=', 'article')
    .where('collection_items.collection_id', 'in', collectionIds)
    .execute();
  const topics = await db
    .selectFrom('collection_items')
    .innerJoin('collections', 'collections.id', 'collection_items.collection_id')
    .innerJoin('topics', (j) => j.onRef('topics.id', '=', 'collection_items.target_id').onRef('topics.community_id', '=', 'collections.community_id'))
    .innerJoin('communities', 'communities.id', 'collections.community_id')
    .select([...cols, 'topics.title', 'topics.kind as label'])
    .where('collection_items.target_type', '=', 'topic')
    .where('collection_items.collection_id', 'in', collectionIds)
    .where('topics.deleted_at', 'is', null)
    .where('topics.merged_into', 'is', null)
    .execute();
  const all = [
    ...articles.map((r) => ({ r, kind: 'article' as const, url: `/c/${r.slug}/a/${r.target_id}` })),
    ...topics.map((r) => ({ r, kind: 'topic' as const, url: `/c/${r.slug}/t/${r.target_id}` })),
  ].sort((a, b) => a.r.position - b.r.position || a.r.id - b.r.id);
  for (const { r, kind, url } of all) {
    const list = out.get(r.collection_id) ?? [];
    list.push({ id: r.id, position: r.position, kind, targetId: r.target_id, title: r.title, label: String(r.label), note: r.note, url });
    out.set(r.collection_id, list);
  }
  return out;
}

/** The collections that hold an article or a topic (same community as the target), by title. */
export async function collectionsHolding(db: Db, kind: 'article' | 'topic', targetId: number): Promise<Array<{ id: number; title: string }>> {
  return db
    .selectFrom('collection_items')
    .innerJoin('collections', 'collections.id', 'collection_items.collection_id')
    .select(['collections.id', 'collections.title'])
    .where('collection_items.target_type', '=', kind)
    .where('collection_items.target_id', '=', targetId)
    .orderBy('collections.title')
    .orderBy('collections.id')
    .limit(50)
    .execute();
}
