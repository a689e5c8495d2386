import type { Db } from '../../core/db/index.ts';
import { tagsOfTopics } from '../../discussions/tags.store.ts';
import { tokenize } from '../../search/related/query.ts';
import type { PastAnswer, PastQuestion, RoutingHistory } from './ranker.ts';

/** How many of a community's most recent answers the ranker reads (the query bound). */
export const HISTORY_ANSWERS = 1000;

/**
 * A community's routing history before `before`: its HISTORY_ANSWERS most recent live answers (with
 * acceptance and score as they stand) and the questions they answer (authors, tags, title terms).
 * Three bounded queries.
 */
export async function loadHistory(db: Db, communityId: number, before: string): Promise<RoutingHistory> {
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('topics as t', 't.id', 'p.topic_id')
    .select(['p.author_id', 'p.topic_id', 'p.created_at', 'p.score', 'p.id', 't.accepted_post_id'])
    .where('t.community_id', '=', communityId)
    .where('p.kind', '=', 'answer')
    .where('p.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('p.created_at', '<', before)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(HISTORY_ANSWERS)
    .execute();
  const topicIds = [...new Set(rows.map((r) => r.topic_id))];
  const tags = await tagsOfTopics(db, topicIds);
  const topics = topicIds.length === 0 ? [] : await db.selectFrom('topics').select(['id', 'author_id', 'title', 'created_at']).where('id', 'in', topicIds).execute();
  const questions: PastQuestion[] = topics.map((t) => ({ id: t.id, userId: t.author_id, tags: tags.get(t.id) ?? [], at: Date.parse(t.created_at), terms: tokenize(t.title) }));
  const answers: PastAnswer[] = rows.map((r) => ({ userId: r.author_id, questionId: r.topic_id, tags: tags.get(r.topic_id) ?? [], at: Date.parse(r.created_at), accepted: r.accepted_post_id === r.id, score: r.score }));
  return { answers, questions };
}

/** Which of `userIds` are members of the community. */
export async function membersAmong(db: Db, communityId: number, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.selectFrom('memberships').select('user_id').where('community_id', '=', communityId).where('user_id', 'in', userIds).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Authors of the live answers of a topic. */
export async function answerersOf(db: Db, topicId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('posts').select('author_id').where('topic_id', '=', topicId).where('kind', '=', 'answer').where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.author_id));
}

/**
 * Open invitations as a load: state open, on a question still open (not deleted, closed, locked or
 * solved) that the invitee has not answered. Used by the count and the list below.
 */
function openLoad(db: Db) {
  return db
    .selectFrom('answer_invitations as ai')
    .innerJoin('topics as t', 't.id', 'ai.topic_id')
    .where('ai.state', '=', 'open')
    .where('t.deleted_at', 'is', null)
    .where('t.closed_at', 'is', null)
    .where('t.locked_at', 'is', null)
    .where('t.accepted_post_id', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('posts as p').select('p.id').whereRef('p.topic_id', '=', 'ai.topic_id').whereRef('p.author_id', '=', 'ai.invitee_id').where('p.kind', '=', 'answer').where('p.deleted_at', 'is', null))));
}

/** How many open invitations (see openLoad) each of `userIds` holds, across all communities. */
export async function openInvitationCounts(db: Db, userIds: number[]): Promise<Map<number, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await openLoad(db).where('ai.invitee_id', 'in', userIds).groupBy('ai.invitee_id').select((eb) => ['ai.invitee_id', eb.fn.countAll<number>().as('n')]).execute();
  return new Map(rows.map((r) => [r.invitee_id, Number(r.n)]));
}

/** One of a member's open invitations, for their list. */
export interface OpenInvitation {
  id: number;
  topicId: number;
  title: string;
  community: { id: number; slug: string; name: string };
  invitedBy: { username: string; displayName: string } | null;
  createdAt: string;
}

/** A user's open invitations in communities they may read, newest first, keyset on id. */
export async function listOpenInvitations(db: Db, userId: number, opts: { limit: number; afterId?: number }): Promise<OpenInvitation[]> {
  let q = openLoad(db)
    .innerJoin('communities as c', 'c.id', 'ai.community_id')
    .leftJoin('users as u', 'u.id', 'ai.invited_by')
    .where('ai.invitee_id', '=', userId)
    .where((eb) => eb.or([eb('c.visibility', '=', 'public'), eb.exists(eb.selectFrom('memberships as m').select('m.user_id').whereRef('m.community_id', '=', 'c.id').where('m.user_id', '=', userId))]))
    .select(['ai.id', 'ai.topic_id', 't.title', 'c.id as community_id', 'c.slug', 'c.name', 'u.username', 'u.display_name', 'ai.created_at']);
  if (opts.afterId !== undefined) q = q.where('ai.id', '<', opts.afterId);
  const rows = await q.orderBy('ai.id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({ id: r.id, topicId: r.topic_id, title: r.title, community: { id: r.community_id, slug: r.slug, name: r.name }, invitedBy: r.username !== null && r.display_name !== null ? { username: r.username, displayName: r.display_name } : null, createdAt: r.created_at }));
}

/** Everyone invited to a topic (any state). */
export async function invitedTo(db: Db, topicId: number): Promise<Map<number, 'open' | 'declined'>> {
  const rows = await db.selectFrom('answer_invitations').select(['invitee_id', 'state']).where('topic_id', '=', topicId).execute();
  return new Map(rows.map((r) => [r.invitee_id, r.state]));
}

/** One invitation row, or undefined. */
export async function findInvitation(db: Db, id: number) {
  return db.selectFrom('answer_invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an invitation; returns its id. */
export async function insertInvitation(db: Db, v: { topicId: number; communityId: number; inviteeId: number; invitedBy: number | null; source: 'member' | 'escalation'; at: string }): Promise<number> {
  const r = await db
    .insertInto('answer_invitations')
    .values({ topic_id: v.topicId, community_id: v.communityId, invitee_id: v.inviteeId, invited_by: v.invitedBy, source: v.source, state: 'open', created_at: v.at, declined_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Marks an open invitation declined; false when it was not open. */
export async function markDeclined(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('answer_invitations').set({ state: 'declined', declined_at: at }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The opening post of a topic (notifications point at it). */
export async function openingPostId(db: Db, topicId: number): Promise<number> {
  const r = await db.selectFrom('posts').select('id').where('topic_id', '=', topicId).where('kind', '=', 'opening').orderBy('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The id of the user's open invitation to a topic, or null. */
export async function openInvitationOf(db: Db, topicId: number, userId: number): Promise<number | null> {
  const r = await db.selectFrom('answer_invitations').select('id').where('topic_id', '=', topicId).where('invitee_id', '=', userId).where('state', '=', 'open').executeTakeFirst();
  return r?.id ?? null;
}
