import type { Db } from '../../core/db/index.ts';
import type { LightMyRequestResponse } from 'fastify';
import { anonymousBrowser, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

let clock = Date.parse('2026-11-02T08:00:00Z');
const nextAt = () => new Date((clock += 1000)).toISOString();

/** Inserts a topic (a question unless said otherwise) with its opening post; returns both ids. */
export async function makeQuestion(db: Db, communityId: number, authorId: number, opts: { kind?: 'question' | 'discussion'; title?: string; body?: string } = {}) {
  const at = nextAt();
  const topic = await db
    .insertInto('topics')
    .values({ community_id: communityId, author_id: authorId, kind: opts.kind ?? 'question', title: opts.title ?? 'How do I true a chisel?', reply_count: 0, last_posted_at: at, created_at: at, updated_at: at, accepted_post_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const opening = await db
    .insertInto('posts')
    .values({ topic_id: topic.id, author_id: authorId, kind: 'opening', body: opts.body ?? 'The back is not flat.', body_html: `<p>${opts.body ?? 'The back is not flat.'}</p>`, created_at: at, updated_at: at, edited_at: null, deleted_at: null, deleted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { topicId: topic.id, openingId: opening.id };
}

/** Inserts an answer (or, in a discussion, a reply) to a topic and counts it; returns its id. */
export async function makeAnswer(db: Db, topicId: number, authorId: number, opts: { kind?: 'answer' | 'reply'; body?: string } = {}) {
  const at = nextAt();
  const kind = opts.kind ?? 'answer';
  const body = opts.body ?? 'Lap it on a coarse stone first.';
  const post = await db
    .insertInto('posts')
    .values({ topic_id: topicId, author_id: authorId, kind, body, body_html: `<p>${body}</p>`, created_at: at, updated_at: at, edited_at: null, deleted_at: null, deleted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('topics')
    .set((eb) => ({ reply_count: eb('reply_count', '+', 1), answer_count: eb('answer_count', '+', kind === 'answer' ? 1 : 0), last_posted_at: at }))
    .where('id', '=', topicId)
    .execute();
  return post.id;
}

/**
 * The people and places Q&A tests need: a public open community and a private invite-only one, each
 * with a steward, a moderator, an asker, an answerer and a voter as members; an outsider; and an
 * admin who is a member of neither. Each is signed in.
 */
export async function qaWorld(t: TestApp) {
  const db = t.deps.db;
  const [steward, moderator, asker, answerer, voter, outsider, admin] = await Promise.all([
    makeUser(db, { display_name: 'Sam Steward' }),
    makeUser(db, { display_name: 'Mo Moderator' }),
    makeUser(db, { display_name: 'Ada Asker' }),
    makeUser(db, { display_name: 'Ann Answerer' }),
    makeUser(db, { display_name: 'Val Voter' }),
    makeUser(db, { display_name: 'Otto Outsider' }),
    makeUser(db, { display_name: 'Adi Admin', role: 'admin' }),
  ]);
  const pub = await makeCommunity(db, steward.id, { name: 'Open Workshop', visibility: 'public', join_policy: 'open' });
  const secret = await makeCommunity(db, steward.id, { name: 'Back Room', visibility: 'private', join_policy: 'invite' });
  for (const c of [pub, secret]) {
    await addMember(db, c.id, moderator.id, 'moderator');
    for (const u of [asker, answerer, voter]) await addMember(db, c.id, u.id);
  }
  const people = { steward, moderator, asker, answerer, voter, outsider, admin };
  const as = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, u]) => [k, await signInAs(t, u.id)] as const))) as Record<keyof typeof people, Browser>;
  return { ...people, pub, secret, as };
}

/** Counts the rows of the tables Q&A writes, for "writes nothing" assertions. */
export async function qaCounts(db: Db) {
  const n = async (table: 'votes' | 'comments' | 'activity' | 'notifications') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sums = await db
    .selectFrom('posts')
    .select((eb) => [eb.fn.sum<number>('score').as('score'), eb.fn.sum<number>('comment_count').as('comments')])
    .executeTakeFirstOrThrow();
  const accepted = await db.selectFrom('topics').select('accepted_post_id').where('accepted_post_id', 'is not', null).execute();
  return { votes: await n('votes'), comments: await n('comments'), activity: await n('activity'), scoreSum: Number(sums.score ?? 0), commentCounts: Number(sums.comments ?? 0), accepted: accepted.length };
}

/** A bodyless DELETE as a browser does it from a page script: session cookie plus the x-csrf-token header. */
export function apiDelete(t: TestApp, url: string, browser?: Omit<Browser, 'userId'>): Promise<LightMyRequestResponse> {
  const b = browser ?? anonymousBrowser();
  return t.app.inject({ method: 'DELETE', url, headers: { cookie: b.cookie, 'x-csrf-token': b.csrf } });
}
