import type { Db } from '../../core/db/index.ts';
import type { MentoringRequestState } from '../../core/db/tables/mentoring.ts';
import type { Cursor } from '../../core/http/pagination.ts';
import type { OfferSkill } from './offers.store.ts';

export interface PersonRef {
  id: number;
  username: string;
  displayName: string;
}

/** A mentoring request as features read it. */
export interface MentoringRequest {
  id: number;
  mentee: PersonRef;
  mentor: PersonRef | null;
  communityId: number | null;
  goals: string;
  goalsHtml: string;
  skills: OfferSkill[];
  state: MentoringRequestState;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
}

function requests(db: Db) {
  return db
    .selectFrom('mentoring_requests as r')
    .innerJoin('users as e', 'e.id', 'r.mentee_id')
    .leftJoin('users as m', 'm.id', 'r.mentor_id')
    .select(['r.id', 'r.mentee_id', 'e.username as mentee_username', 'e.display_name as mentee_name', 'r.mentor_id', 'm.username as mentor_username', 'm.display_name as mentor_name'])
    .select(['r.community_id', 'r.goals', 'r.goals_html', 'r.state', 'r.created_at', 'r.updated_at', 'r.decided_at']);
}
type Row = Awaited<ReturnType<ReturnType<typeof requests>['execute']>>[number];

async function withSkills(db: Db, rows: Row[]): Promise<MentoringRequest[]> {
  const ids = rows.map((r) => r.id);
  const skills = ids.length ? await db.selectFrom('mentoring_request_skills').select(['request_id', 'skill', 'skill_key']).where('request_id', 'in', ids).orderBy('skill_key').execute() : [];
  return rows.map((r) => ({
    id: r.id,
    mentee: { id: r.mentee_id, username: r.mentee_username, displayName: r.mentee_name },
    mentor: r.mentor_id !== null && r.mentor_username !== null && r.mentor_name !== null ? { id: r.mentor_id, username: r.mentor_username, displayName: r.mentor_name } : null,
    communityId: r.community_id, goals: r.goals, goalsHtml: r.goals_html,
    skills: skills.filter((s) => s.request_id === r.id).map((s) => ({ skill: s.skill, skillKey: s.skill_key })),
    state: r.state, createdAt: r.created_at, updatedAt: r.updated_at, decidedAt: r.decided_at,
  }));
}

/** A request by id, or undefined. */
export async function findRequest(db: Db, id: number): Promise<MentoringRequest | undefined> {
  return (await withSkills(db, await requests(db).where('r.id', '=', id).execute()))[0];
}

/** Requests a member made (`as: 'mentee'`) or that name them as mentor (`as: 'mentor'`), newest first by id. */
export async function listRequests(db: Db, userId: number, opts: { as: 'mentee' | 'mentor'; states?: MentoringRequestState[]; after?: Cursor | null; limit: number }): Promise<MentoringRequest[]> {
  let q = requests(db).where(opts.as === 'mentee' ? 'r.mentee_id' : 'r.mentor_id', '=', userId);
  if (opts.states) q = q.where('r.state', 'in', opts.states);
  if (opts.after) q = q.where('r.id', '<', opts.after.id);
  return withSkills(db, await q.orderBy('r.id', 'desc').limit(opts.limit).execute());
}

/** Writes a new request with its skills; returns its id. */
export async function insertRequest(db: Db, v: { menteeId: number; mentorId: number | null; communityId: number | null; goals: string; goalsHtml: string; skills: OfferSkill[]; state: MentoringRequestState }, at: string): Promise<number> {
  const { id } = await db
    .insertInto('mentoring_requests')
    .values({ mentee_id: v.menteeId, mentor_id: v.mentorId, community_id: v.communityId, goals: v.goals, goals_html: v.goalsHtml, state: v.state, created_at: at, updated_at: at, decided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('mentoring_request_skills').values(v.skills.map((s) => ({ request_id: id, skill: s.skill, skill_key: s.skillKey }))).execute();
  return id;
}

/**
 * Moves a request from one of `from` to `to` (optionally naming a mentor): a guarded UPDATE, so of two
 * concurrent answers only one succeeds. Returns whether it moved.
 */
export async function moveRequest(db: Db, id: number, from: MentoringRequestState[], to: MentoringRequestState, at: string, mentorId?: number): Promise<boolean> {
  const decided = to === 'accepted' || to === 'declined' || to === 'withdrawn';
  const r = await db
    .updateTable('mentoring_requests')
    .set({ state: to, updated_at: at, decided_at: decided ? at : null, ...(mentorId !== undefined ? { mentor_id: mentorId } : {}) })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Does the mentee already have a pending request to this mentor? */
export async function hasPendingRequest(db: Db, menteeId: number, mentorId: number): Promise<boolean> {
  return (await db.selectFrom('mentoring_requests').select('id').where('mentee_id', '=', menteeId).where('mentor_id', '=', mentorId).where('state', '=', 'pending').executeTakeFirst()) !== undefined;
}
