import type { Db } from '../core/db/index.ts';
import type { CommunityRole } from '../core/db/schema.ts';
import type { Cursor } from '../core/http/pagination.ts';

/** A member as lists show them. */
export interface MemberRow {
  userId: number;
  username: string;
  displayName: string;
  role: CommunityRole;
  joinedAt: string;
}

/**
 * Takes the community row's write lock for the rest of the transaction (PostgreSQL), so two
 * membership changes to one community cannot both pass the last-steward check. SQLite already
 * serialises write transactions; the no-op update is harmless there.
 */
export async function lockCommunity(db: Db, communityId: number): Promise<void> {
  await db.updateTable('communities').set((eb) => ({ member_count: eb.ref('member_count') })).where('id', '=', communityId).execute();
}

/** Adds a membership and bumps member_count; returns false (nothing written) if already a member. */
export async function insertMembership(db: Db, communityId: number, userId: number, role: CommunityRole, at: string): Promise<boolean> {
  const r = await db
    .insertInto('memberships')
    .values({ community_id: communityId, user_id: userId, role, created_at: at })
    .onConflict((oc) => oc.columns(['community_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db.updateTable('communities').set((eb) => ({ member_count: eb('member_count', '+', 1) })).where('id', '=', communityId).execute();
  return true;
}

/** Removes a membership and lowers member_count; returns false if there was none. */
export async function deleteMembership(db: Db, communityId: number, userId: number): Promise<boolean> {
  const r = await db.deleteFrom('memberships').where('community_id', '=', communityId).where('user_id', '=', userId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return false;
  await db.updateTable('communities').set((eb) => ({ member_count: eb('member_count', '-', 1) })).where('id', '=', communityId).execute();
  return true;
}

/** Sets a member's role. */
export async function updateRole(db: Db, communityId: number, userId: number, role: CommunityRole): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('community_id', '=', communityId).where('user_id', '=', userId).execute();
}

/** How many stewards the community has. */
export async function countStewards(db: Db, communityId: number): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('role', '=', 'steward')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The current member_count column. */
export async function memberCount(db: Db, communityId: number): Promise<number> {
  const r = await db.selectFrom('communities').select('member_count').where('id', '=', communityId).executeTakeFirstOrThrow();
  return r.member_count;
}

const memberColumns = ['users.id as user_id', 'users.username', 'users.display_name', 'memberships.role', 'memberships.created_at'] as const;

function toMember(r: { user_id: number; username: string; display_name: string; role: CommunityRole; created_at: string }): MemberRow {
  return { userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role, joinedAt: r.created_at };
}

/** One member by username, or undefined when that person is not a member. */
export async function findMember(db: Db, communityId: number, username: string): Promise<MemberRow | undefined> {
  const r = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(memberColumns)
    .where('memberships.community_id', '=', communityId)
    .where('users.username', '=', username)
    .executeTakeFirst();
  return r && toMember(r);
}

/** Members by username, keyset-paginated on (username, user id). The caller checked read access. */
export async function listMembers(db: Db, communityId: number, page: { limit: number; after: Cursor | null }): Promise<MemberRow[]> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(memberColumns)
    .where('memberships.community_id', '=', communityId);
  if (page.after) {
    const { v, id } = page.after;
    q = q.where((eb) => eb.or([eb('users.username', '>', String(v)), eb.and([eb('users.username', '=', String(v)), eb('users.id', '>', id)])]));
  }
  const rows = await q.orderBy('users.username').orderBy('users.id').limit(page.limit).execute();
  return rows.map(toMember);
}

/** A user's id and names by username, or undefined. */
export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirst();
}
