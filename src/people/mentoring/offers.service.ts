import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, conflict, fieldError, unauthenticated } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { normaliseSkill } from '../profiles/skills.store.ts';
import { findOffer, saveOffer, type Offer, type OfferSkill } from './offers.store.ts';
import { isTimeZone } from './working-hours.ts';

/** Limits of mentoring input, shared by the API schemas and the forms. */
export const MENTORING_LIMITS = { skillsMax: 20, skillMax: 50, noteMax: 1000, capacityMin: 1, capacityMax: 10, goalsMax: 4000, goalTitleMax: 200, checkinMax: 10000, feedbackMax: 2000 } as const;

/** Skills as typed (a list, or one comma-separated text): trimmed, unique by normalised key, 1–20. Throws 400 naming `field`. */
export function checkedSkills(raw: string[] | string, field = 'skills'): OfferSkill[] {
  const list = (typeof raw === 'string' ? raw.split(',') : raw).map((s) => s.trim()).filter((s) => s !== '');
  if (list.length === 0) throw fieldError(field, 'name at least one skill');
  const out = new Map<string, OfferSkill>();
  for (const skill of list) {
    if (skill.length > MENTORING_LIMITS.skillMax) throw fieldError(field, `each skill must be at most ${MENTORING_LIMITS.skillMax} characters`);
    const skillKey = normaliseSkill(skill);
    if (skillKey === '') throw fieldError(field, `“${skill}” has no letters or digits`);
    if (!out.has(skillKey)) out.set(skillKey, { skill, skillKey });
  }
  if (out.size > MENTORING_LIMITS.skillsMax) throw fieldError(field, `name at most ${MENTORING_LIMITS.skillsMax} skills`);
  return [...out.values()];
}

/** Throws 400 naming `timeZone` unless it is an IANA time zone. */
export function checkedTimeZone(raw: string, field = 'timeZone'): string {
  const tz = raw.trim();
  if (!isTimeZone(tz)) throw fieldError(field, 'must be a time zone such as Europe/Berlin or America/New_York');
  return tz;
}

export interface OfferInput {
  skills: string[] | string;
  capacity: number;
  timeZone: string;
  note?: string | undefined;
  active?: boolean | undefined;
}

/**
 * Creates or changes the actor's offer to mentor. Throws 400 naming the field (skills, capacity 1–10,
 * timeZone, note), 409 naming capacity when it would fall below the mentorships already active.
 */
export async function saveMyOffer(deps: Deps, actor: Actor | null, input: OfferInput): Promise<Offer> {
  if (!actor) throw unauthenticated('Sign in to offer mentoring.');
  const { capacityMin: lo, capacityMax: hi, noteMax } = MENTORING_LIMITS;
  const issues = [];
  if (!Number.isInteger(input.capacity) || input.capacity < lo || input.capacity > hi) issues.push({ field: 'capacity', message: `must be a whole number from ${lo} to ${hi}` });
  const note = (input.note ?? '').trim();
  if (note.length > noteMax) issues.push({ field: 'note', message: `must be at most ${noteMax} characters` });
  if (issues.length) throw badRequest(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  const skills = checkedSkills(input.skills);
  const timeZone = checkedTimeZone(input.timeZone);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('mentor_offers').select('taken').where('user_id', '=', actor.id).executeTakeFirst();
    if (current && input.capacity < current.taken) {
      throw conflict(`capacity: you mentor ${current.taken} people now; capacity cannot be lower than that`, [{ field: 'capacity', message: `must be at least ${current.taken}, your active mentorships` }]);
    }
    const saved = await saveOffer(tx, actor.id, { capacity: input.capacity, timeZone, note, active: input.active ?? true, skills }, at);
    await recordActivity(tx, { actorId: actor.id, verb: saved.created ? 'mentoring.offered' : 'mentoring.offer_changed', subjectType: 'mentor_offer', subjectId: saved.id, data: { capacity: input.capacity, skills: skills.map((s) => s.skillKey) }, at });
  });
  return (await findOffer(deps.db, actor.id))!;
}
