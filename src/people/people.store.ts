import { sql } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';
import type { PersonSummary, ProfileCommunity } from './people.schema.ts';

/** A person as the directory lists them, plus the key their page is sorted on. */
export type PersonRow = PersonSummary & { id: number; sortKey: string };

const personColumns = ['users.id', 'users.username', 'users.display_name', 'users.discipline', 'users.location', 'users.role', 'users.created_at'] as const;

function toPerson(r: { id: number; username: string; display_name: string; discipline: string; location: string; role: 'admin' | 'member'; created_at: string }): PersonSummary & { id: number } {
  return { id: r.id, username: r.username, displayName: r.display_name, discipline: r.discipline, location: r.location, role: r.role, joinedAt: r.created_at };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * People by display name (case-insensitive), then id; `q` matches username, display name,
 * discipline or location. Keyset-paginated on (lower(display_name), id).
 */
export async function listPeople(db: Db, opts: { q?: string; limit: number; after?: Cursor | null }): Promise<PersonRow[]> {
  const sortKey = sql<string>`lower(users.display_name)`;
  let query = db.selectFrom('users').select([...personColumns, sortKey.as('sort_key')]);
  const q = opts.q?.trim();
  if (q) {
    const p = likePattern(q);
    query = query.where((eb) =>
      eb.or(
        (['username', 'display_name', 'discipline', 'location'] as const).map((col) => eb(sql`lower(${sql.ref(`users.${col}`)})`, 'like', sql<string>`${p} escape '\\'`)),
      ),
    );
  }
  if (opts.after) {
    const { v, id } = opts.after;
    query = query.where((eb) => eb.or([eb(sortKey, '>', String(v)), eb.and([eb(sortKey, '=', String(v)), eb('users.id', '>', id)])]));
  }
  const rows = await query.orderBy(sortKey).orderBy('users.id').limit(opts.limit).execute();
  return rows.map((r) => ({ ...toPerson(r), sortKey: r.sort_key }));
}

/** One person's public profile fields, or undefined. */
export async function findPerson(db: Db, username: string) {
  const r = await db
    .selectFrom('users')
    .select([...personColumns, 'users.bio', 'users.time_zone'])
    .where('users.username', '=', username)
    .executeTakeFirst();
  return r ? { ...toPerson(r), bio: r.bio, timeZone: r.time_zone } : undefined;
}

/**
 * The communities a user belongs to, limited to those the viewer may read: who belongs to a
 * private community is members-only content, like the rest of it.
 */
export async function listCommunitiesOf(db: Db, userId: number, viewer: Actor | null): Promise<ProfileCommunity[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('communities', 'communities.id', 'memberships.community_id')
    .select(['communities.slug', 'communities.name', 'communities.visibility', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .where('communities.id', 'in', readableCommunityIds(db, viewer))
    .orderBy('communities.name')
    .execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, visibility: r.visibility, role: r.role }));
}

/** A user's latest acts of the given kinds, only in communities the viewer may read, newest first. */
export async function listRecentActivityOf(db: Db, userId: number, viewer: Actor | null, verbs: readonly string[], limit: number) {
  return db
    .selectFrom('activity')
    .innerJoin('communities', 'communities.id', 'activity.community_id')
    .select(['activity.id', 'activity.verb', 'activity.subject_type', 'activity.subject_id', 'activity.data', 'activity.created_at', 'communities.slug', 'communities.name'])
    .where('activity.actor_id', '=', userId)
    .where('activity.verb', 'in', [...verbs])
    .where('activity.community_id', 'in', readableCommunityIds(db, viewer))
    .orderBy('activity.created_at', 'desc')
    .orderBy('activity.id', 'desc')
    .limit(limit)
    .execute();
}
