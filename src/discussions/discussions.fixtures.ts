import type { Clock } from '../core/clock.ts';
import type { Db } from '../core/db/index.ts';
import type { Database } from '../core/db/schema.ts';
import { api, signInAs, type Browser, type TestApp } from '../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../test/helpers/factories.ts';

/** A clock that moves one millisecond forward on every read, so each act gets its own time. */
export function tickingClock(start = new Date('2026-11-01T09:00:00Z')): Clock {
  let t = start.getTime();
  return { now: () => new Date((t += 1)) };
}

/** Rows in a table, for "writes nothing" assertions. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The people and places discussion tests need: a public open community and a locked-down private one
 * (invite-only), a steward and a member of both, an outsider, and an admin who is a member of neither.
 */
export async function discussionsWorld(t: TestApp) {
  const db = t.deps.db;
  const steward = await makeUser(db, { display_name: 'Ana Steward' });
  const member = await makeUser(db, { display_name: 'Ben Member' });
  const outsider = await makeUser(db, { display_name: 'Cy Outsider' });
  const admin = await makeUser(db, { display_name: 'Dee Admin', role: 'admin' });
  const pub = await makeCommunity(db, steward.id, { name: 'Open Kitchen', visibility: 'public', join_policy: 'open' });
  const secret = await makeCommunity(db, steward.id, { name: 'Quiet Room', visibility: 'private', join_policy: 'invite' });
  await addMember(db, pub.id, member.id);
  await addMember(db, secret.id, member.id);
  const as: Record<'steward' | 'member' | 'outsider' | 'admin', Browser> = {
    steward: await signInAs(t, steward.id),
    member: await signInAs(t, member.id),
    outsider: await signInAs(t, outsider.id),
    admin: await signInAs(t, admin.id),
  };
  return { steward, member, outsider, admin, pub, secret, as };
}

/** Starts a topic through the API as `browser`; fails the test unless it is created. */
export async function startTopicVia(t: TestApp, browser: Browser, slug: string, fields: { title?: string; body?: string; kind?: string; tags?: string[]; crossPostTo?: string[] } = {}) {
  const res = await api(t, 'POST', `/api/v1/communities/${slug}/topics`, { title: 'A topic', body: 'The opening post.', ...fields }, browser);
  if (res.statusCode !== 201) throw new Error(`could not start a topic: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; title: string; replyCount: number; lastPostedAt: string; openingPostId: number; tags: string[] };
}

/** Replies to (or answers) a topic through the API as `browser`; fails the test unless it is created. */
export async function replyVia(t: TestApp, browser: Browser, topicId: number, body = 'A reply.') {
  const res = await api(t, 'POST', `/api/v1/topics/${topicId}/posts`, { body }, browser);
  if (res.statusCode !== 201) throw new Error(`could not reply: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; kind: string; body: string; bodyHtml: string; createdAt: string };
}

/** Signs in a new member of the given communities (role 'member' unless said otherwise). */
export async function newMember(t: TestApp, communityIds: number[], overrides: { username?: string; display_name?: string } = {}, role: 'member' | 'moderator' | 'steward' = 'member') {
  const user = await makeUser(t.deps.db, overrides);
  for (const id of communityIds) await addMember(t.deps.db, id, user.id, role);
  return { user, as: await signInAs(t, user.id) };
}
