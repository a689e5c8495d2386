import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../core/db/index.ts';
import type { Database } from '../../core/db/schema.ts';
import { signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

/** Calls the JSON API as `browser` (or anonymously), sending the CSRF header so bodyless writes work too. */
export function call(t: TestApp, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, browser?: Omit<Browser, 'userId'>): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(browser ? { cookie: browser.cookie, 'x-csrf-token': browser.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

/** Rows in a table, for "writes nothing" assertions. */
export async function count(db: Db, table: keyof Database, where?: { column: string; value: string | number }): Promise<number> {
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a column of whichever table was asked for
  if (where) q = q.where(where.column as any, '=', where.value);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Starts a topic through the real API; fails the test unless it is created. */
export async function topicVia(t: TestApp, b: Browser, slug: string, fields: { title?: string; body?: string; kind?: 'discussion' | 'question'; tags?: string[] } = {}): Promise<number> {
  const res = await call(t, 'POST', `/api/v1/communities/${slug}/topics`, { title: 'A topic to moderate', body: 'The opening post.', ...fields }, b);
  if (res.statusCode !== 201) throw new Error(`could not start a topic: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

/** Replies through the real API; fails the test unless the reply is posted. Returns the post id. */
export async function replyVia(t: TestApp, b: Browser, topicId: number, body = 'A reply.'): Promise<number> {
  const res = await call(t, 'POST', `/api/v1/topics/${topicId}/posts`, { body }, b);
  if (res.statusCode !== 201) throw new Error(`could not reply: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

/**
 * People and places for moderation and engagement tests: a public open community and an invite-only
 * private one, each with a steward, a moderator and a member (the same people in both), an outsider,
 * and an admin who belongs to neither. `other` is a second public community the steward also leads.
 */
export async function moderationWorld(t: TestApp) {
  const db = t.deps.db;
  const steward = await makeUser(db, { display_name: 'Sam Steward' });
  const moderator = await makeUser(db, { display_name: 'Mo Moderator' });
  const member = await makeUser(db, { display_name: 'Mae Member' });
  const outsider = await makeUser(db, { display_name: 'Otto Outsider' });
  const admin = await makeUser(db, { display_name: 'Ada Admin', role: 'admin' });
  const pub = await makeCommunity(db, steward.id, { name: 'Open Forge', visibility: 'public', join_policy: 'open' });
  const priv = await makeCommunity(db, steward.id, { name: 'Quiet Forge', visibility: 'private', join_policy: 'invite' });
  const other = await makeCommunity(db, steward.id, { name: 'Second Forge', visibility: 'public', join_policy: 'open' });
  for (const c of [pub, priv, other]) {
    await addMember(db, c.id, moderator.id, 'moderator');
    await addMember(db, c.id, member.id, 'member');
  }
  const as = {
    steward: await signInAs(t, steward.id),
    moderator: await signInAs(t, moderator.id),
    member: await signInAs(t, member.id),
    outsider: await signInAs(t, outsider.id),
    admin: await signInAs(t, admin.id),
  };
  return { steward, moderator, member, outsider, admin, pub, priv, other, as };
}

export type ModerationWorld = Awaited<ReturnType<typeof moderationWorld>>;
