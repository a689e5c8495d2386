import type { Db } from '../../core/db/index.ts';
import type { SkillLevel } from '../../core/db/tables/profiles.ts';
import { normaliseTag } from '../../importers/stackexchange/site.ts';
import { hidingVisibilities, type Viewer } from './privacy.ts';

export const SKILL_LEVELS: readonly SkillLevel[] = ['learning', 'practising', 'expert'];

/** A declared skill as other features read it. */
export interface DeclaredSkill {
  skill: string;
  skillKey: string;
  level: SkillLevel;
}

/**
 * A skill's key, normalised exactly like topic tags (lower-case a-z, 0-9 and -, at most 30
 * characters; c# → csharp, c++ → cplusplus; accents dropped, runs of - collapsed), so a declared
 * skill "Flood Modelling" meets the tag `flood-modelling`. May return '' for text with no letters or digits.
 */
export function normaliseSkill(raw: string): string {
  const plain = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim();
  return normaliseTag(plain).replace(/-{2,}/g, '-').replace(/-+$/, '');
}

/**
 * The declared skills of each user, expert first then by name, keyed by user id (users without
 * skills are absent). With `opts.viewer`, skills the owner hid from that viewer are left out;
 * without it, all are returned (callers that show them to someone must pass the viewer).
 */
export async function declaredSkillsOf(db: Db, userIds: number[], opts: { viewer?: Viewer } = {}): Promise<Map<number, DeclaredSkill[]>> {
  const out = new Map<number, DeclaredSkill[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('user_skills')
    .leftJoin('profile_field_privacy as p', (j) => j.onRef('p.user_id', '=', 'user_skills.user_id').on('p.field', '=', 'skills'))
    .select(['user_skills.user_id', 'user_skills.skill', 'user_skills.skill_key', 'user_skills.level', 'p.visibility'])
    .where('user_skills.user_id', 'in', [...new Set(userIds)])
    .orderBy('user_skills.user_id')
    .orderBy('user_skills.skill_key')
    .execute();
  for (const r of rows) {
    if (opts.viewer !== undefined && hidingVisibilities(opts.viewer, r.user_id).includes(r.visibility ?? 'everyone')) continue;
    out.set(r.user_id, [...(out.get(r.user_id) ?? []), { skill: r.skill, skillKey: r.skill_key, level: r.level }]);
  }
  for (const list of out.values()) list.sort((a, b) => SKILL_LEVELS.indexOf(b.level) - SKILL_LEVELS.indexOf(a.level) || a.skillKey.localeCompare(b.skillKey));
  return out;
}

/** A user's skill row by key, or undefined. */
export async function findSkill(db: Db, userId: number, skillKey: string) {
  return db.selectFrom('user_skills').select(['id', 'skill', 'skill_key', 'level']).where('user_id', '=', userId).where('skill_key', '=', skillKey).executeTakeFirst();
}

/** A user's own skills, expert first then by name (no privacy: for the owner and for writes). */
export async function ownSkills(db: Db, userId: number): Promise<DeclaredSkill[]> {
  return (await declaredSkillsOf(db, [userId])).get(userId) ?? [];
}

/**
 * Makes a user's declared skills exactly `skills` (already checked, unique keys): kept keys keep
 * their row (and endorsements) with the new name and level, missing ones are deleted (with their
 * endorsements), new ones inserted. Returns the keys added and removed. Run inside a transaction.
 */
export async function replaceSkills(db: Db, userId: number, skills: DeclaredSkill[], at: string): Promise<{ added: string[]; removed: string[] }> {
  const existing = await db.selectFrom('user_skills').select(['id', 'skill_key']).where('user_id', '=', userId).execute();
  const wanted = new Map(skills.map((s) => [s.skillKey, s]));
  const removed = existing.filter((e) => !wanted.has(e.skill_key));
  if (removed.length > 0) await db.deleteFrom('user_skills').where('id', 'in', removed.map((r) => r.id)).execute();
  const have = new Set(existing.map((e) => e.skill_key));
  for (const s of skills) {
    if (have.has(s.skillKey)) await db.updateTable('user_skills').set({ skill: s.skill, level: s.level }).where('user_id', '=', userId).where('skill_key', '=', s.skillKey).execute();
  }
  const added = skills.filter((s) => !have.has(s.skillKey));
  if (added.length > 0) await db.insertInto('user_skills').values(added.map((s) => ({ user_id: userId, skill: s.skill, skill_key: s.skillKey, level: s.level, created_at: at }))).execute();
  return { added: added.map((s) => s.skillKey), removed: removed.map((r) => r.skill_key) };
}
