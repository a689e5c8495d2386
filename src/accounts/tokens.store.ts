import type { Db } from '../core/db/index.ts';
import type { Cursor } from '../core/http/pagination.ts';
import type { ApiTokenSummary } from './accounts.schema.ts';

type TokenRow = { id: number; name: string; token_prefix: string; created_at: string; last_used_at: string | null };

function toSummary(r: TokenRow): ApiTokenSummary {
  return { id: r.id, name: r.name, prefix: r.token_prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at };
}

/** Stores a token by its hash and returns its summary. */
export async function insertApiToken(db: Db, t: { userId: number; name: string; tokenHash: string; prefix: string; at: string }): Promise<ApiTokenSummary> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, token_prefix: t.prefix, created_at: t.at, last_used_at: null, revoked_at: null })
    .returning(['id', 'name', 'token_prefix', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
  return toSummary(row);
}

/** A user's unrevoked tokens, newest first, keyset-paginated on id. */
export async function listActiveTokens(db: Db, userId: number, opts: { limit: number; after?: Cursor | null }): Promise<ApiTokenSummary[]> {
  let q = db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (opts.after) q = q.where('id', '<', opts.after.id);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map(toSummary);
}

/** The token's state when it belongs to the user, or undefined. */
export async function findOwnToken(db: Db, userId: number, id: number): Promise<{ revoked: boolean } | undefined> {
  const row = await db.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row ? { revoked: row.revoked_at !== null } : undefined;
}

/** Marks a token revoked; it stops authenticating at once. */
export async function markTokenRevoked(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
