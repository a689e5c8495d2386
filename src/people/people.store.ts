import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import { readableCommunityIds, type Actor } from '../core/permissions/index.ts';
import type { Database } from '../core/db/schema.ts';
import type { ProfileCommunity } from './people.schema.ts';
import { fieldVisibleSql, type Viewer } from './profiles/privacy.ts';

/** A person as the directory lists them (all fields; privacy is applied by the service), plus the sort key. */
export interface PersonRow {
  id: number;
  username: string;
  displayName: string;
  headline: string;
  discipline: string;
  location: string;
  role: 'admin' | 'member';
  joinedAt: string;
  sortKey: string;
}

const personColumns = ['users.id', 'users.username', 'users.display_name', 'users.headline', 'users.discipline', 'users.location', 'users.role', 'users.created_at'] as const;

type PersonColumns = { id: number; username: string; display_name: string; headline: string; discipline: string; location: string; role: 'admin' | 'member'; created_at: string };
function toPerson(r: PersonColumns): Omit<PersonRow, 'sortKey'> {
  return { id: r.id, username: r.username, displayName: r.display_name, headline: r.headline, discipline: r.discipline, location: r.location, role: r.role, joinedAt: r.created_at };
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Fields the directory search looks in, besides username and display name (each only where the viewer may see it). */
const SEARCHED = ['headline', 'discipline', 'org_unit', 'location', 'interests', 'ask_me_about'] as const;

/**
 * People by display name (case-insensitive), then id; `q` matches username, display name, or a
 * profile field or declared skill the viewer may see (a hidden field is never searched).
 * Keyset-paginated on (lower(display_name), id).
 */
export async function listPeople(db: Db, viewer: Viewer, opts: { q?: string; limit: number; after?: Cursor | null }): Promise<PersonRow[]> {
  const sortKey = sql<string>`lower(users.display_name)`;
  let query = db.selectFrom('users').select([...personColumns, sortKey.as('sort_key')]);
  const q = opts.q?.trim();
  if (q) {
    const p = sql<string>`${likePattern(q)} escape '\\'`;
    const like = (col: string) => (eb: ExpressionBuilder<Database, 'users'>) => eb(sql`lower(${sql.ref(col)})`, 'like', p);
    query = query.where((eb) =>
      eb.or([
        like('users.username')(eb),
        like('users.display_name')(eb),
        ...SEARCHED.map((col) => eb.and([like(`users.${col}`)(eb), fieldVisibleSql(eb, viewer, col)])),
        eb.and([
          fieldVisibleSql(eb, viewer, 'skills'),
          eb.exists(eb.selectFrom('user_skills').select('user_skills.id').whereRef('user_skills.user_id', '=', 'users.id').where(sql<boolean>`lower(user_skills.skill) like ${p}`)),
        ]),
      ]),
    );
  }
  if (opts.after) {
    const { v, id } = opts.after;
    query = query.where((eb) => eb.or([eb(sortKey, '>', String(v)), eb.and([eb(sortKey, '=', String(v)), eb('users.id', '>', id)])]));
  }
  const rows = await query.orderBy(sortKey).orderBy('users.id').limit(opts.limit).execute();
  return rows.map((r) => ({ ...toPerson(r), sortKey: r.sort_key }));
}

/** One person's profile fields (all of them: the service applies privacy), or undefined. */
export async function findPerson(db: Db, username: string) {
  const r = await db
    .selectFrom('users')
    .select([...personColumns, 'users.bio', 'users.time_zone', 'users.org_unit', 'users.languages', 'users.interests', 'users.ask_me_about', 'users.mentoring_availability'])
    .where('users.username', '=', username)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ...toPerson(r),
    bio: r.bio,
    timeZone: r.time_zone,
    orgUnit: r.org_unit,
    languages: parseLanguages(r.languages),
    interests: r.interests,
    askMeAbout: r.ask_me_about,
    mentoringAvailability: r.mentoring_availability,
  };
}

/** The stored JSON array of languages; anything else reads as none. */
export function parseLanguages(raw: string): string[] {
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
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
