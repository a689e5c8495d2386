import type { Selectable } from 'kysely';
import type { Db } from '../core/db/index.ts';
import type { UserTable } from '../core/db/schema.ts';

/** A users row as stored. */
export type UserRow = Selectable<UserTable>;

/** The user with this id, or undefined. */
export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The user with this (lowercase) username, or undefined. */
export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user with this (normalised) email, or undefined. */
export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Which of a username and an email are already in use. */
export async function takenFields(db: Db, username: string, email: string): Promise<{ username: boolean; email: boolean }> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'email'])
    .where((eb) => eb.or([eb('username', '=', username), eb('email', '=', email)]))
    .execute();
  return { username: rows.some((r) => r.username === username), email: rows.some((r) => r.email === email) };
}

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  displayName: string;
  role: 'admin' | 'member';
  at: string;
}

/** Inserts a user with an empty profile and returns the row. */
export function insertUser(db: Db, u: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: u.username,
      email: u.email,
      password_hash: u.passwordHash,
      display_name: u.displayName,
      bio: '',
      discipline: '',
      location: '',
      time_zone: '',
      role: u.role,
      created_at: u.at,
      updated_at: u.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ProfileUpdate {
  displayName?: string;
  bio?: string;
  discipline?: string;
  location?: string;
  timeZone?: string;
}

/** Writes the given profile fields (others untouched) and returns the row. */
export function updateUserProfile(db: Db, id: number, p: ProfileUpdate, at: string): Promise<UserRow> {
  return db
    .updateTable('users')
    .set({
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.bio !== undefined ? { bio: p.bio } : {}),
      ...(p.discipline !== undefined ? { discipline: p.discipline } : {}),
      ...(p.location !== undefined ? { location: p.location } : {}),
      ...(p.timeZone !== undefined ? { time_zone: p.timeZone } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces a user's password hash. */
export async function updatePasswordHash(db: Db, id: number, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', id).execute();
}
