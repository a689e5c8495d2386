import { hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { hashToken, newSecret } from '../../src/accounts/sessions.store.ts';
import { TOKEN_PREFIX } from '../../src/accounts/tokens.service.ts';
import type { Db } from '../../src/core/db/index.ts';

/** The password the sign-in scenario's members get. */
export const BENCH_PASSWORD = 'bench password, not a secret';

/** A signed-in member for load scenarios: an API token, a session cookie, and topics they may reply to. */
export interface BenchMember {
  userId: number;
  username: string;
  token: string;
  cookie: string;
  topics: number[];
}

/**
 * Members of public communities with a fresh API token and session each (written straight into the
 * database, as signing in would), and for each some open topics of their communities to reply to.
 * Members are taken in id order from the busiest public communities, so repeated runs reuse the same people.
 */
export async function benchMembers(db: Db, count: number, now = new Date()): Promise<BenchMember[]> {
  const rows = await sql<{ user_id: number; username: string; community_id: number }>`
    select m.user_id, u.username, m.community_id from memberships m
    join users u on u.id = m.user_id join communities c on c.id = m.community_id
    where c.visibility = 'public' and u.role = 'member'
    order by c.member_count desc, m.user_id limit ${count}`.execute(db);
  const members: BenchMember[] = [];
  const at = now.toISOString();
  for (const r of rows.rows) {
    const topics = await db
      .selectFrom('topics')
      .select('id')
      .where('community_id', '=', r.community_id)
      .where('deleted_at', 'is', null)
      .where('locked_at', 'is', null)
      .where('closed_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(5)
      .execute();
    if (topics.length === 0) continue;
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    await db.insertInto('api_tokens').values({ user_id: r.user_id, name: `bench ${at}`, token_hash: hashToken(token), token_prefix: token.slice(0, TOKEN_PREFIX.length + 6), created_at: at, last_used_at: null, revoked_at: null }).execute();
    members.push({ userId: r.user_id, username: r.username, token, cookie: await benchSession(db, r.user_id, now), topics: topics.map((t) => t.id) });
  }
  return members;
}

/** A session for the user written straight into the database (as signing in would); returns the cookies to send. */
export async function benchSession(db: Db, userId: number, now = new Date()): Promise<string> {
  const session = newSecret();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  await db.insertInto('sessions').values({ id: hashToken(session), user_id: userId, created_at: at, expires_at: expires, last_seen_at: at, user_agent: 'bench' }).execute();
  // With the CSRF cookie a browser holds after its first page (else every page would issue one).
  return `gh_session=${session}; gh_csrf=${newSecret()}`;
}

/**
 * The 50-post topic pages of the anonymous scenario, each with the session of a plain member of the
 * topic's community (the first by id), so the signed-in figure is for the same pages with every
 * member control on them.
 */
export async function fiftyPostPagesSignedIn(db: Db): Promise<Array<{ path: string; cookie: string }>> {
  const topics = await sql<{ id: number; slug: string; community_id: number }>`select t.id, c.slug, t.community_id from topics t join communities c on c.id = t.community_id
    where c.visibility = 'public' and t.deleted_at is null and t.reply_count >= 49 order by t.id limit 40`.execute(db);
  const out: Array<{ path: string; cookie: string }> = [];
  for (const t of topics.rows) {
    const m = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.user_id').where('memberships.community_id', '=', t.community_id).where('memberships.role', '=', 'member').where('users.role', '=', 'member').orderBy('memberships.user_id').executeTakeFirst();
    if (m) out.push({ path: `/c/${t.slug}/t/${t.id}`, cookie: await benchSession(db, m.user_id) });
  }
  return out;
}

/** Gives the members the bench password (argon2, as sign-up would), for the sign-in scenario. */
export async function giveBenchPassword(db: Db, userIds: number[]): Promise<void> {
  const passwordHash = await hash(BENCH_PASSWORD);
  if (userIds.length > 0) await db.updateTable('users').set({ password_hash: passwordHash }).where('id', 'in', userIds).execute();
}
