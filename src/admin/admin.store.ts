import { sql } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { JoinPolicy, Visibility } from '../core/db/schema.ts';
import type { AccountKind } from '../core/db/tables/analytics.ts';
import type { Cursor } from '../core/http/pagination.ts';

export type OrgRole = 'admin' | 'member';

/** A user as the admin list shows it. */
export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  email: string;
  role: OrgRole;
  /** 'person' counts in the health figures; 'staff' and 'bot' accounts are left out of them. */
  accountKind: AccountKind;
  createdAt: string;
}

/** A community's metadata as the admin list shows it; never its content. */
export interface AdminCommunity {
  id: number;
  slug: string;
  name: string;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  memberCount: number;
  createdAt: string;
}

/** How much there is on the platform. */
export interface PlatformStats {
  users: number;
  communities: number;
  topics: number;
  posts: number;
}

async function count(db: Db, table: 'users' | 'communities' | 'topics' | 'posts'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Counts of users, communities, topics and posts (every community, private ones included). */
export async function countPlatform(db: Db): Promise<PlatformStats> {
  const [users, communities, topics, posts] = await Promise.all([count(db, 'users'), count(db, 'communities'), count(db, 'topics'), count(db, 'posts')]);
  return { users, communities, topics, posts };
}

function userColumns(db: Db) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'email', 'role', 'account_kind', 'created_at']);
}

function toAdminUser(r: { id: number; username: string; display_name: string; email: string; role: OrgRole; account_kind: AccountKind; created_at: string }): AdminUser {
  return { id: r.id, username: r.username, displayName: r.display_name, email: r.email, role: r.role, accountKind: r.account_kind, createdAt: r.created_at };
}

/** `like` pattern matching `q` anywhere, with the wildcards % and _ (and the escape \) taken literally. */
function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Users, newest first, keyset-paginated on id. `q` matches username, display name or email, case
 * insensitively. Fetch `limit + 1` to learn whether there is a next page.
 */
export async function listUsers(db: Db, opts: { q?: string; limit: number; after?: Cursor | null }): Promise<AdminUser[]> {
  let query = userColumns(db);
  if (opts.q) {
    const p = containsPattern(opts.q);
    query = query.where(({ or }) =>
      or(['username', 'display_name', 'email'].map((col) => sql<boolean>`lower(${sql.ref(col)}) like ${p} escape '\\'`)),
    );
  }
  if (opts.after) query = query.where('id', '<', opts.after.id);
  const rows = await query.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map(toAdminUser);
}

/** One user, or undefined. */
export async function findUser(db: Db, id: number): Promise<AdminUser | undefined> {
  const r = await userColumns(db).where('id', '=', id).executeTakeFirst();
  return r ? toAdminUser(r) : undefined;
}

/**
 * Takes a write lock on every admin row (a no-op update), so two admins demoting each other at
 * once cannot both see "another admin is left". Plain SQL, so it works on both databases: PostgreSQL
 * locks the rows; SQLite takes its single write lock. Call first inside the transaction.
 */
export async function lockAdminRows(db: Db): Promise<void> {
  await db.updateTable('users').set((eb) => ({ role: eb.ref('role') })).where('role', '=', 'admin').execute();
}

/** How many organisation admins there are. */
export async function countAdmins(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sets a user's organisation role. */
export async function setUserRole(db: Db, id: number, role: OrgRole, at: string): Promise<void> {
  await db.updateTable('users').set({ role, updated_at: at }).where('id', '=', id).execute();
}

/** Sets a user's account kind (person, staff or bot). */
export async function setAccountKind(db: Db, id: number, kind: AccountKind, at: string): Promise<void> {
  await db.updateTable('users').set({ account_kind: kind, updated_at: at }).where('id', '=', id).execute();
}

/** Every community (private and secret ones too), by name, keyset-paginated on (name, id). Metadata only. */
export async function listAllCommunities(db: Db, opts: { limit: number; after?: Cursor | null }): Promise<AdminCommunity[]> {
  let q = db.selectFrom('communities').select(['id', 'slug', 'name', 'visibility', 'join_policy', 'member_count', 'created_at']);
  if (opts.after) {
    const { v, id } = opts.after;
    q = q.where((eb) => eb.or([eb('name', '>', String(v)), eb.and([eb('name', '=', String(v)), eb('id', '>', id)])]));
  }
  const rows = await q.orderBy('name', 'asc').orderBy('id', 'asc').limit(opts.limit).execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, visibility: r.visibility, joinPolicy: r.join_policy, memberCount: r.member_count, createdAt: r.created_at }));
}
