import { recordActivity } from '../core/activity.ts';
import type { Deps } from '../core/deps.ts';
import { fieldError, notFound } from '../core/http/errors.ts';
import { paginate, type Cursor } from '../core/http/pagination.ts';
import type { ApiTokenSummary } from './accounts.schema.ts';
import { hashToken, newSecret } from './sessions.store.ts';
import { findOwnToken, insertApiToken, listActiveTokens, markTokenRevoked } from './tokens.store.ts';

type Ctx = Pick<Deps, 'db' | 'clock'>;

/** Every personal token starts with this, so secret scanners and people can spot one. */
export const TOKEN_PREFIX = 'gh_';

/**
 * Makes a personal API token. Returns its summary and the secret, which is shown once and never
 * stored (only its hash and a short prefix are). Throws 400 naming `name` when the name is blank.
 */
export async function createApiToken(ctx: Ctx, userId: number, rawName: string): Promise<{ token: ApiTokenSummary; secret: string }> {
  const name = rawName.trim();
  if (name.length === 0 || name.length > 80) throw fieldError('name', 'Name must be 1 to 80 characters');
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const at = ctx.clock.now().toISOString();
  const token = await ctx.db.transaction().execute(async (tx) => {
    const t = await insertApiToken(tx, { userId, name, tokenHash: hashToken(secret), prefix: secret.slice(0, TOKEN_PREFIX.length + 6), at });
    await recordActivity(tx, { actorId: userId, verb: 'token.created', subjectType: 'api_token', subjectId: t.id, at });
    return t;
  });
  return { token, secret };
}

/** One page of the user's active tokens. */
export async function listApiTokens(ctx: Ctx, userId: number, limit: number, after: Cursor | null): Promise<{ items: ApiTokenSummary[]; nextCursor: string | null }> {
  const rows = await listActiveTokens(ctx.db, userId, { limit: limit + 1, after });
  return paginate(rows, limit, (t) => ({ v: t.id, id: t.id }));
}

/** Revokes one of the user's tokens (again is fine). Throws 404 when it is not theirs. */
export async function revokeApiToken(ctx: Ctx, userId: number, tokenId: number): Promise<void> {
  const t = await findOwnToken(ctx.db, userId, tokenId);
  if (!t) throw notFound('Token');
  if (t.revoked) return;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await markTokenRevoked(tx, tokenId, at);
    await recordActivity(tx, { actorId: userId, verb: 'token.revoked', subjectType: 'api_token', subjectId: tokenId, at });
  });
}
