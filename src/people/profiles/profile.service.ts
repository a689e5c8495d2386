import { recordActivity } from '../../core/activity.ts';
import type { Deps } from '../../core/deps.ts';
import { notFound } from '../../core/http/errors.ts';
import { indexUser } from '../../search/search.index.ts';
import { privacyOf, visibilitiesOf } from './privacy.store.ts';
import { checkProfessional, checkSkills, type ProfessionalChange } from './profile-rules.ts';
import { readProfessional, writeProfessional } from './profile.store.ts';
import type { MyProfile, ProfilePatchBody, SkillInput } from './profiles.schema.ts';
import { ownSkills, replaceSkills, type DeclaredSkill } from './skills.store.ts';

type Ctx = Pick<Deps, 'db' | 'clock'>;

/** The signed-in person's professional profile with every field's visibility, as they edit it. Throws 404 for an unknown user. */
export async function myProfile(ctx: Pick<Deps, 'db'>, userId: number): Promise<MyProfile> {
  const [fields, privacy, skills] = await Promise.all([readProfessional(ctx.db, userId), privacyOf(ctx.db, [userId]), ownSkills(ctx.db, userId)]);
  if (!fields) throw notFound('User');
  return { ...fields, privacy: visibilitiesOf(privacy, userId), skills };
}

/** What changed, for the activity row: field names, 'privacy' and 'skills'. */
function changedFields(change: ProfessionalChange, skills: DeclaredSkill[] | undefined): string[] {
  return [...Object.keys(change), ...(skills ? ['skills'] : [])];
}

/**
 * Updates the professional fields, visibilities and (when given) the whole skills list of a user,
 * in one transaction with a `profile.updated` activity row; the member search index is refreshed.
 * Throws 400 naming the first bad field, writing nothing.
 */
export async function updateMyProfile(ctx: Ctx, userId: number, patch: ProfilePatchBody & { skills?: readonly SkillInput[] }): Promise<MyProfile> {
  const change = checkProfessional(patch);
  const skills = patch.skills === undefined ? undefined : checkSkills(patch.skills);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await writeChecked(tx, userId, change, skills, at);
    await recordActivity(tx, { actorId: userId, verb: 'profile.updated', subjectType: 'user', subjectId: userId, data: { fields: changedFields(change, skills) }, at });
  });
  return myProfile(ctx, userId);
}

/** Writes an already checked change (and skills list) inside the caller's transaction, and re-indexes the member. */
export async function writeChecked(tx: Ctx['db'], userId: number, change: ProfessionalChange, skills: DeclaredSkill[] | undefined, at: string): Promise<void> {
  await writeProfessional(tx, userId, change, at);
  if (skills) await replaceSkills(tx, userId, skills, at);
  await indexUser(tx, userId);
}
