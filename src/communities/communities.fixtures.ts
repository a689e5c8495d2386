import type { Db } from '../core/db/index.ts';
import type { Database, JoinPolicy, Visibility } from '../core/db/schema.ts';
import { createSession } from '../accounts/sessions.store.ts';
import { anonymousBrowser, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';

/** The three kinds of community the authorization rules distinguish. */
export type CommunityKind = 'public' | 'private-approval' | 'private-invite';
export const communityKinds: CommunityKind[] = ['public', 'private-approval', 'private-invite'];
const kindForm: Record<CommunityKind, { visibility: Visibility; join_policy: JoinPolicy }> = {
  public: { visibility: 'public', join_policy: 'open' },
  'private-approval': { visibility: 'private', join_policy: 'approval' },
  'private-invite': { visibility: 'private', join_policy: 'invite' },
};

let n = 0;

/** A signed-in browser for `userId`, its session written with `db` (which may be a transaction). */
async function browserOf(db: Db, userId: number): Promise<Browser> {
  const anon = anonymousBrowser();
  const { token } = await createSession(db, userId, new Date(), 30, 'test');
  return { userId, cookie: `gh_session=${token}; ${anon.cookie}`, csrf: anon.csrf };
}

/** Rows in a table, for "writes nothing" assertions. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Activity rows with the given verb in a community. */
export async function countActivity(db: Db, communityId: number, verb: string): Promise<number> {
  const r = await db.selectFrom('activity').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).where('verb', '=', verb).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** True when member_count agrees with the memberships table. */
export async function memberCountIsRight(db: Db, communityId: number): Promise<boolean> {
  const c = await db.selectFrom('communities').select('member_count').where('id', '=', communityId).executeTakeFirstOrThrow();
  return c.member_count === (await db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow()).n;
}

/**
 * One community of the given kind with a steward, a moderator and a member (signed in), a topic, a
 * pending join request from a requester, a pending invitation to an invitee, and a free user to
 * invite. Every name in it carries a unique token, so a response can be searched for leaks:
 * `secrets` is what must never reach someone who may not read the community.
 */
export function makeWorld(t: TestApp, kind: CommunityKind) {
  // One transaction: on SQLite every autocommit is a commit of its own (an fsync with SQLITE_SYNCHRONOUS=full).
  return t.deps.db.transaction().execute((tx) => buildWorld(tx, kind));
}

async function buildWorld(db: Db, kind: CommunityKind) {
  n += 1;
  const tok = `${kind.replace('-', '')}${n}x${process.pid}`;
  const steward = await makeUser(db, { username: `stew${tok}`, display_name: `Stella ${tok}` });
  const moderator = await makeUser(db, { username: `mod${tok}`, display_name: `Moe ${tok}` });
  const member = await makeUser(db, { username: `mem${tok}`, display_name: `Mia ${tok}` });
  const requester = await makeUser(db, { username: `req${tok}` });
  const invitee = await makeUser(db, { username: `inv${tok}` });
  const free = await makeUser(db, { username: `free${tok}` });
  const community = await makeCommunity(db, steward.id, {
    slug: `w-${n}-${kind}`,
    name: `Guild ${tok}`,
    domain_statement: `Domain ${tok}`,
    description: `DESCRIPTION ${tok} for members`,
    ...kindForm[kind],
  });
  await addMember(db, community.id, moderator.id, 'moderator');
  await addMember(db, community.id, member.id, 'member');
  const now = new Date().toISOString();
  await db.insertInto('topics').values({ community_id: community.id, author_id: member.id, kind: 'discussion', title: `TOPIC ${tok}`, reply_count: 0, last_posted_at: now, created_at: now, updated_at: now }).execute();
  const request = await db.insertInto('join_requests').values({ community_id: community.id, user_id: requester.id, message: `Please ${tok}`, status: 'pending', created_at: now }).returning('id').executeTakeFirstOrThrow();
  const invitation = await db.insertInto('invitations').values({ community_id: community.id, invitee_id: invitee.id, invited_by: steward.id, status: 'pending', created_at: now }).returning('id').executeTakeFirstOrThrow();
  const secrets = [`DESCRIPTION ${tok}`, `TOPIC ${tok}`, steward.username, moderator.username, member.username, `Stella ${tok}`, `Mia ${tok}`];
  const hidden = kind === 'private-invite' ? [community.name, community.domain_statement] : [];
  return {
    kind, tok, community, steward, moderator, member, requester, invitee, free,
    requestId: request.id,
    invitationId: invitation.id,
    /** Content only readers may see. */
    secrets,
    /** What even the existence of the community would reveal (invite-only private only). */
    hidden,
    as: {
      steward: await browserOf(db, steward.id),
      moderator: await browserOf(db, moderator.id),
      member: await browserOf(db, member.id),
      invitee: await browserOf(db, invitee.id),
      requester: await browserOf(db, requester.id),
    } satisfies Record<string, Browser>,
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** An outsider (signed in, member of nothing) and an org admin who is a member of nothing. */
export async function makeBystanders(t: TestApp) {
  n += 1;
  const outsider = await makeUser(t.deps.db, { username: `outsider${n}x${process.pid}` });
  const admin = await makeUser(t.deps.db, { username: `admin${n}x${process.pid}`, role: 'admin' });
  return { outsider, admin, as: { outsider: await browserOf(t.deps.db, outsider.id), admin: await browserOf(t.deps.db, admin.id) } };
}
