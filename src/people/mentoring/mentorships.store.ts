import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';
import type { PersonRef } from './requests.store.ts';

export interface Mentorship {
  id: number;
  mentor: PersonRef;
  mentee: PersonRef;
  communityId: number | null;
  requestId: number | null;
  state: 'active' | 'ended';
  startedAt: string;
  endedAt: string | null;
}

function mentorships(db: Db) {
  return db
    .selectFrom('mentorships as s')
    .innerJoin('users as m', 'm.id', 's.mentor_id')
    .innerJoin('users as e', 'e.id', 's.mentee_id')
    .select(['s.id', 's.mentor_id', 'm.username as mentor_username', 'm.display_name as mentor_name', 's.mentee_id', 'e.username as mentee_username', 'e.display_name as mentee_name'])
    .select(['s.community_id', 's.request_id', 's.state', 's.started_at', 's.ended_at']);
}

function toMentorship(r: Awaited<ReturnType<ReturnType<typeof mentorships>['execute']>>[number]): Mentorship {
  return {
    id: r.id,
    mentor: { id: r.mentor_id, username: r.mentor_username, displayName: r.mentor_name },
    mentee: { id: r.mentee_id, username: r.mentee_username, displayName: r.mentee_name },
    communityId: r.community_id, requestId: r.request_id, state: r.state, startedAt: r.started_at, endedAt: r.ended_at,
  };
}

export async function findMentorship(db: Db, id: number): Promise<Mentorship | undefined> {
  const r = await mentorships(db).where('s.id', '=', id).executeTakeFirst();
  return r && toMentorship(r);
}

/** A member's mentorships as mentor or mentee, active first, then newest first by id (cursor v: 0 active, 1 ended). */
export async function listMentorships(db: Db, userId: number, opts: { after?: Cursor | null; limit: number }): Promise<Mentorship[]> {
  let q = mentorships(db).where((eb) => eb.or([eb('s.mentor_id', '=', userId), eb('s.mentee_id', '=', userId)]));
  const a = opts.after;
  if (a) {
    const rank = Number(a.v) === 0 ? 'active' : 'ended';
    q = q.where((eb) => (rank === 'active' ? eb.or([eb('s.state', '=', 'ended'), eb.and([eb('s.state', '=', 'active'), eb('s.id', '<', a.id)])]) : eb.and([eb('s.state', '=', 'ended'), eb('s.id', '<', a.id)])));
  }
  // 'active' < 'ended' as text, so ascending state puts active ones first.
  const rows = await q.orderBy('s.state').orderBy('s.id', 'desc').limit(opts.limit).execute();
  return rows.map(toMentorship);
}

/** Is there an active mentorship between these two? */
export async function hasActiveMentorship(db: Db, mentorId: number, menteeId: number): Promise<boolean> {
  return (await db.selectFrom('mentorships').select('id').where('mentor_id', '=', mentorId).where('mentee_id', '=', menteeId).where('state', '=', 'active').executeTakeFirst()) !== undefined;
}

/** The mentors a mentee has an active mentorship with. */
export async function activeMentorsOf(db: Db, menteeId: number): Promise<number[]> {
  return (await db.selectFrom('mentorships').select('mentor_id').where('mentee_id', '=', menteeId).where('state', '=', 'active').execute()).map((r) => r.mentor_id);
}

export interface Goal {
  id: number;
  title: string;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
}

export async function goalsOf(db: Db, mentorshipId: number): Promise<Goal[]> {
  const rows = await db.selectFrom('mentorship_goals').select(['id', 'title', 'done', 'done_at', 'created_at']).where('mentorship_id', '=', mentorshipId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, done: r.done === 1, doneAt: r.done_at, createdAt: r.created_at }));
}

export interface Checkin {
  id: number;
  author: PersonRef;
  body: string;
  bodyHtml: string;
  at: string;
}

/** Check-ins of a mentorship, newest first by id. */
export async function listCheckins(db: Db, mentorshipId: number, opts: { after?: Cursor | null; limit: number }): Promise<Checkin[]> {
  let q = db
    .selectFrom('mentorship_checkins as k')
    .innerJoin('users as u', 'u.id', 'k.author_id')
    .select(['k.id', 'k.body', 'k.body_html', 'k.created_at', 'u.id as author_id', 'u.username', 'u.display_name'])
    .where('k.mentorship_id', '=', mentorshipId);
  if (opts.after) q = q.where('k.id', '<', opts.after.id);
  const rows = await q.orderBy('k.id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({ id: r.id, author: { id: r.author_id, username: r.username, displayName: r.display_name }, body: r.body, bodyHtml: r.body_html, at: r.created_at }));
}

export interface Feedback {
  author: PersonRef;
  rating: number | null;
  body: string;
  bodyHtml: string;
  at: string;
}

export async function feedbackOf(db: Db, mentorshipId: number): Promise<Feedback[]> {
  const rows = await db
    .selectFrom('mentorship_feedback as f')
    .innerJoin('users as u', 'u.id', 'f.author_id')
    .select(['f.rating', 'f.body', 'f.body_html', 'f.created_at', 'u.id', 'u.username', 'u.display_name'])
    .where('f.mentorship_id', '=', mentorshipId)
    .orderBy('f.created_at')
    .execute();
  return rows.map((r) => ({ author: { id: r.id, username: r.username, displayName: r.display_name }, rating: r.rating, body: r.body, bodyHtml: r.body_html, at: r.created_at }));
}
