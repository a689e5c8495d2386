import crypto from 'node:crypto';
import type { Db } from '../core/db/index.ts';
import type { Actor } from '../core/permissions/index.ts';

/** sha256 of a secret token, as stored; the token itself never touches the database. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A new random secret, url-safe. */
export function newSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Creates a session row and returns the cookie token (not stored) and the session id (its hash). */
export async function createSession(db: Db, userId: number, now: Date, ttlDays: number, userAgent: string): Promise<{ token: string; id: string }> {
  const token = newSecret();
  const id = hashToken(token);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlDays * 86_400_000).toISOString(),
      last_seen_at: now.toISOString(),
      user_agent: userAgent.slice(0, 300),
    })
    .execute();
  return { token, id };
}

/** The actor behind an unexpired session, or null. */
export async function findSessionActor(db: Db, sessionId: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role } : null;
}

/** Ends one session. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, except one (the one that changed the password). */
export async function deleteUserSessions(db: Db, userId: number, exceptId: string | null = null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/** The actor behind an unrevoked personal API token, or null; marks the token as used. */
export async function findTokenActor(db: Db, token: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as tokenId', 'api_tokens.last_used_at', 'users.id', 'users.username', 'users.display_name', 'users.role'])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Write "last used" at most once a minute per token, so reads stay reads.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.tokenId).execute();
  }
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}
