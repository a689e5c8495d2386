import { hash } from '@node-rs/argon2';
import type { Db } from '../../src/core/db/index.ts';
import type { Insertable } from 'kysely';
import type { CommunityRole, CommunityTable, UserTable } from '../../src/core/db/schema.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;
let seq = 0;

/** Inserts a user (password TEST_PASSWORD) and returns the row. */
export async function makeUser(db: Db, overrides: Partial<Insertable<UserTable>> = {}) {
  passwordHash ??= hash(TEST_PASSWORD);
  seq += 1;
  const now = new Date().toISOString();
  const username = overrides.username ?? `user${process.pid}x${seq}`;
  return db
    .insertInto('users')
    .values({
      username,
      email: `${username}@example.test`,
      password_hash: await passwordHash,
      display_name: `User ${seq}`,
      bio: '',
      discipline: '',
      location: '',
      time_zone: '',
      role: 'member',
      created_at: now,
      updated_at: now,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a community created by `creatorId` (made its steward) and returns the row. */
export async function makeCommunity(db: Db, creatorId: number, overrides: Partial<Insertable<CommunityTable>> = {}) {
  seq += 1;
  const now = new Date().toISOString();
  const c = await db
    .insertInto('communities')
    .values({
      slug: `community-${process.pid}-${seq}`,
      name: `Community ${seq}`,
      domain_statement: 'We share a craft.',
      description: '',
      formality: 'informal',
      sponsor: '',
      locality: 'distributed',
      location: '',
      visibility: 'public',
      join_policy: 'open',
      member_count: 0,
      created_by: creatorId,
      created_at: now,
      updated_at: now,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addMember(db, c.id, creatorId, 'steward');
  return { ...c, member_count: c.member_count + 1 };
}

/** Adds a membership and keeps member_count right. */
export async function addMember(db: Db, communityId: number, userId: number, role: CommunityRole = 'member') {
  await db.insertInto('memberships').values({ community_id: communityId, user_id: userId, role, created_at: new Date().toISOString() }).execute();
  await db.updateTable('communities').set((eb) => ({ member_count: eb('member_count', '+', 1) })).where('id', '=', communityId).execute();
}
