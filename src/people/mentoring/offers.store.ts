import type { Db } from '../../core/db/index.ts';
import type { Cursor } from '../../core/http/pagination.ts';

export interface OfferSkill {
  skill: string;
  skillKey: string;
}

/** A mentor's offer as features read it. */
export interface Offer {
  id: number;
  userId: number;
  username: string;
  displayName: string;
  capacity: number;
  taken: number;
  timeZone: string;
  note: string;
  active: boolean;
  skills: OfferSkill[];
  createdAt: string;
  updatedAt: string;
}

function offers(db: Db) {
  return db
    .selectFrom('mentor_offers as o')
    .innerJoin('users as u', 'u.id', 'o.user_id')
    .select(['o.id', 'o.user_id', 'u.username', 'u.display_name', 'o.capacity', 'o.taken', 'o.time_zone', 'o.note', 'o.active', 'o.created_at', 'o.updated_at']);
}

async function withSkills(db: Db, rows: Array<Awaited<ReturnType<ReturnType<typeof offers>['execute']>>[number]>): Promise<Offer[]> {
  const ids = rows.map((r) => r.id);
  const skills = ids.length ? await db.selectFrom('mentor_offer_skills').select(['offer_id', 'skill', 'skill_key']).where('offer_id', 'in', ids).orderBy('skill_key').execute() : [];
  return rows.map((r) => ({
    id: r.id, userId: r.user_id, username: r.username, displayName: r.display_name, capacity: r.capacity, taken: r.taken, timeZone: r.time_zone, note: r.note, active: r.active === 1,
    skills: skills.filter((s) => s.offer_id === r.id).map((s) => ({ skill: s.skill, skillKey: s.skill_key })),
    createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}

/** The offers of these users (active or paused), keyed by user id. */
export async function offersOf(db: Db, userIds: number[]): Promise<Map<number, Offer>> {
  if (userIds.length === 0) return new Map();
  const list = await withSkills(db, await offers(db).where('o.user_id', 'in', userIds).execute());
  return new Map(list.map((o) => [o.userId, o]));
}

/** A user's offer, or undefined. */
export async function findOffer(db: Db, userId: number): Promise<Offer | undefined> {
  return (await offersOf(db, [userId])).get(userId);
}

/** Active offers with a free place, newest first by offer id; optionally only those offering `skillKey`. */
export async function listAvailableOffers(db: Db, opts: { skillKey?: string | undefined; after?: Cursor | null; limit: number }): Promise<Offer[]> {
  let q = offers(db).where('o.active', '=', 1).whereRef('o.taken', '<', 'o.capacity');
  if (opts.skillKey) q = q.where('o.id', 'in', db.selectFrom('mentor_offer_skills').select('offer_id').where('skill_key', '=', opts.skillKey));
  if (opts.after) q = q.where('o.id', '<', opts.after.id);
  return withSkills(db, await q.orderBy('o.id', 'desc').limit(opts.limit).execute());
}

/** Active offers with a free place whose offered skills or declared (practising, expert) skills meet `skillKeys`; at most `limit`. */
export async function candidateOffers(db: Db, skillKeys: string[], excludeUserIds: number[], limit: number): Promise<Offer[]> {
  if (skillKeys.length === 0) return [];
  let q = offers(db)
    .where('o.active', '=', 1)
    .whereRef('o.taken', '<', 'o.capacity')
    .where((eb) =>
      eb.or([
        eb('o.id', 'in', eb.selectFrom('mentor_offer_skills').select('offer_id').where('skill_key', 'in', skillKeys)),
        eb('o.user_id', 'in', eb.selectFrom('user_skills').select('user_id').where('skill_key', 'in', skillKeys).where('level', '!=', 'learning')),
      ]),
    );
  if (excludeUserIds.length) q = q.where('o.user_id', 'not in', excludeUserIds);
  return withSkills(db, await q.orderBy('o.id').limit(limit).execute());
}

/** Creates or replaces a user's offer and its skills. Returns the offer id and whether it is new. */
export async function saveOffer(db: Db, userId: number, v: { capacity: number; timeZone: string; note: string; active: boolean; skills: OfferSkill[] }, at: string): Promise<{ id: number; created: boolean }> {
  const existing = await db.selectFrom('mentor_offers').select('id').where('user_id', '=', userId).executeTakeFirst();
  const values = { capacity: v.capacity, time_zone: v.timeZone, note: v.note, active: v.active ? 1 : 0, updated_at: at };
  let id: number;
  if (existing) {
    id = existing.id;
    await db.updateTable('mentor_offers').set(values).where('id', '=', id).execute();
    await db.deleteFrom('mentor_offer_skills').where('offer_id', '=', id).execute();
  } else {
    id = (await db.insertInto('mentor_offers').values({ ...values, user_id: userId, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  }
  await db.insertInto('mentor_offer_skills').values(v.skills.map((s) => ({ offer_id: id, skill: s.skill, skill_key: s.skillKey }))).execute();
  return { id, created: !existing };
}

/**
 * Takes one place of the mentor's capacity: a single guarded UPDATE (taken < capacity), atomic on both
 * databases (PostgreSQL re-checks the condition after a concurrent writer commits). False when full or no offer.
 */
export async function reservePlace(db: Db, mentorId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('mentor_offers')
    .set((eb) => ({ taken: eb('taken', '+', 1), updated_at: at }))
    .where('user_id', '=', mentorId)
    .whereRef('taken', '<', 'capacity')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a place back when a mentorship ends. */
export async function releasePlace(db: Db, mentorId: number, at: string): Promise<void> {
  await db.updateTable('mentor_offers').set((eb) => ({ taken: eb('taken', '-', 1), updated_at: at })).where('user_id', '=', mentorId).where('taken', '>', 0).execute();
}
