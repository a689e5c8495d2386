import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { deleteEndorsement, insertEndorsement } from './endorsements.store.ts';
import { privacyOf, shown } from './privacy.store.ts';
import { checkSkill, checkSkills } from './profile-rules.ts';
import { LIMITS, type SkillInput } from './profiles.schema.ts';
import { findSkill, ownSkills, replaceSkills, type DeclaredSkill } from './skills.store.ts';

type Ctx = Pick<Deps, 'db' | 'clock'>;

async function saveSkills(ctx: Ctx, userId: number, skills: DeclaredSkill[]): Promise<DeclaredSkill[]> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const diff = await replaceSkills(tx, userId, skills, at);
    await recordActivity(tx, { actorId: userId, verb: 'profile.updated', subjectType: 'user', subjectId: userId, data: { fields: ['skills'], ...diff }, at });
  });
  return ownSkills(ctx.db, userId);
}

/** Replaces the caller's declared skills. Throws 400 naming `skills` (bad name or level, a skill twice, over 50). */
export async function setMySkills(ctx: Ctx, userId: number, list: readonly SkillInput[]): Promise<DeclaredSkill[]> {
  return saveSkills(ctx, userId, checkSkills(list));
}

/** Adds one skill, or changes the level of one already declared. Throws 400 naming the field, or at the 50th. */
export async function putMySkill(ctx: Ctx, userId: number, input: SkillInput): Promise<DeclaredSkill[]> {
  const skill = checkSkill(input);
  const current = await ownSkills(ctx.db, userId);
  const others = current.filter((s) => s.skillKey !== skill.skillKey);
  if (others.length >= LIMITS.skills) throw badRequest(`Skills: at most ${LIMITS.skills}`, [{ field: 'skill', message: `Skills: at most ${LIMITS.skills}` }]);
  return saveSkills(ctx, userId, [...others, skill]);
}

/** Removes one declared skill (and its endorsements). Throws 404 when it was not declared. */
export async function removeMySkill(ctx: Ctx, userId: number, skillKey: string): Promise<DeclaredSkill[]> {
  const current = await ownSkills(ctx.db, userId);
  if (!current.some((s) => s.skillKey === skillKey)) throw notFound('Skill');
  return saveSkills(ctx, userId, current.filter((s) => s.skillKey !== skillKey));
}

/**
 * Endorses (or, with `on` false, withdraws an endorsement of) a member's declared skill, recording
 * `skill.endorsed` / `skill.endorsement_withdrawn`. Throws 404 for an unknown person or a skill not
 * declared or hidden from the actor, 403 for endorsing one's own skill, 409 when already endorsed
 * (or not endorsed, to withdraw). Nothing is written on any error.
 */
export async function endorseSkill(ctx: Ctx, actor: Actor, username: string, skillKey: string, on: boolean): Promise<{ endorsements: number; endorsedByYou: boolean }> {
  const owner = await ctx.db.selectFrom('users').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!owner) throw notFound('Person');
  const skill = await findSkill(ctx.db, owner.id, skillKey);
  const privacy = await privacyOf(ctx.db, [owner.id]);
  if (!skill || shown(privacy, actor, owner.id, 'skills', true) === null) throw notFound('Skill');
  if (owner.id === actor.id) throw forbidden('You cannot endorse your own skill.');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const changed = on ? await insertEndorsement(tx, skill.id, actor.id, at) : await deleteEndorsement(tx, skill.id, actor.id);
    if (!changed) throw conflict(on ? 'You have already endorsed this skill.' : 'You have not endorsed this skill.');
    const verb = on ? 'skill.endorsed' : 'skill.endorsement_withdrawn';
    await recordActivity(tx, { actorId: actor.id, verb, subjectType: 'user_skill', subjectId: skill.id, data: { userId: owner.id, skill: skill.skill, skillKey: skill.skill_key }, at });
  });
  const rows = await ctx.db.selectFrom('skill_endorsements').select(['endorser_id']).where('skill_id', '=', skill.id).execute();
  return { endorsements: rows.length, endorsedByYou: rows.some((r) => r.endorser_id === actor.id) };
}
