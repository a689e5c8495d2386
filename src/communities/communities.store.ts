import { PUBLIC_VERBS } from '../core/activity.ts';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { CommunityTable, Formality, Locality, Visibility } from '../core/db/schema.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { visibleCommunityIds, type Actor } from '../core/permissions/index.ts';
import type { CommunityRow } from './communities.access.ts';

/** Inserts a community; returns the row, or null when the slug is taken (nothing written). */
export async function insertCommunity(db: Db, values: Insertable<CommunityTable>): Promise<CommunityRow | null> {
  const row = await db
    .insertInto('communities')
    .values(values)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Updates a community's columns and returns the row. */
export async function updateCommunityRow(db: Db, id: number, values: Updateable<CommunityTable>): Promise<CommunityRow> {
  return db.updateTable('communities').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** True when another community (not `exceptId`) already uses the slug. */
export async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('communities').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Replaces a community's tags. */
export async function replaceTags(db: Db, communityId: number, tags: string[]): Promise<void> {
  await db.deleteFrom('community_tags').where('community_id', '=', communityId).execute();
  if (tags.length > 0) await db.insertInto('community_tags').values(tags.map((tag) => ({ community_id: communityId, tag }))).execute();
}

/** Tags of each of the given communities, sorted, keyed by community id. */
export async function tagsByCommunity(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('community_tags').select(['community_id', 'tag']).where('community_id', 'in', ids).orderBy('tag').execute();
  for (const r of rows) map.get(r.community_id)?.push(r.tag);
  return map;
}

export interface DirectoryFilters {
  q?: string;
  tag?: string;
  formality?: Formality;
  locality?: Locality;
  visibility?: Visibility;
  mine?: boolean;
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Communities the actor may see (visibleCommunityIds), filtered, ordered by name then id, one page
 * of `limit` rows after the cursor. `mine` needs an actor (the caller checks).
 */
export async function listDirectory(db: Db, actor: Actor | null, f: DirectoryFilters, page: { limit: number; after: Cursor | null }): Promise<CommunityRow[]> {
  let q = db.selectFrom('communities').selectAll('communities').where('communities.id', 'in', visibleCommunityIds(db, actor));
  if (f.mine && actor) {
    q = q.where('communities.id', 'in', db.selectFrom('memberships').select('community_id').where('user_id', '=', actor.id));
  }
  if (f.tag) q = q.where('communities.id', 'in', db.selectFrom('community_tags').select('community_id').where('tag', '=', f.tag));
  if (f.formality) q = q.where('communities.formality', '=', f.formality);
  if (f.locality) q = q.where('communities.locality', '=', f.locality);
  if (f.visibility) q = q.where('communities.visibility', '=', f.visibility);
  const text = f.q?.trim();
  if (text) {
    const p = likePattern(text);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('communities.name')}) like ${p} escape '\\'`,
        sql<boolean>`lower(${eb.ref('communities.domain_statement')}) like ${p} escape '\\'`,
      ]),
    );
  }
  if (page.after) {
    const { v, id } = page.after;
    q = q.where((eb) => eb.or([eb('communities.name', '>', String(v)), eb.and([eb('communities.name', '=', String(v)), eb('communities.id', '>', id)])]));
  }
  return q.orderBy('communities.name').orderBy('communities.id').limit(page.limit).execute();
}

/** The stewards of a community, by name. */
export async function listStewards(db: Db, communityId: number): Promise<Array<{ username: string; displayName: string }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.username', 'users.display_name'])
    .where('memberships.community_id', '=', communityId)
    .where('memberships.role', '=', 'steward')
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({ username: r.username, displayName: r.display_name }));
}

/** The latest acts in a community, newest first. The caller has checked the actor may read it. */
export async function listCommunityActivity(db: Db, communityId: number, limit: number) {
  const rows = await db
    .selectFrom('activity')
    .leftJoin('users', 'users.id', 'activity.actor_id')
    .select(['activity.id', 'activity.verb', 'activity.created_at', 'users.username', 'users.display_name'])
    .where('activity.community_id', '=', communityId)
    .where('activity.verb', 'in', [...PUBLIC_VERBS])
    .orderBy('activity.created_at', 'desc')
    .orderBy('activity.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    verb: r.verb,
    createdAt: r.created_at,
    actor: r.username ? { username: r.username, displayName: r.display_name ?? r.username } : null,
  }));
}
