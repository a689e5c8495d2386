import type { Db } from '../../core/db/index.ts';
import { parseLanguages } from '../people.store.ts';
import type { ProfessionalChange } from './profile-rules.ts';
import { setPrivacy } from './privacy.store.ts';

/** Writes the professional fields and field visibilities present in `change`. Run inside a transaction. */
export async function writeProfessional(db: Db, userId: number, change: ProfessionalChange, at: string): Promise<void> {
  const set: Record<string, string> = {};
  if (change.headline !== undefined) set.headline = change.headline;
  if (change.orgUnit !== undefined) set.org_unit = change.orgUnit;
  if (change.languages !== undefined) set.languages = JSON.stringify(change.languages);
  if (change.interests !== undefined) set.interests = change.interests;
  if (change.askMeAbout !== undefined) set.ask_me_about = change.askMeAbout;
  if (change.mentoringAvailability !== undefined) set.mentoring_availability = change.mentoringAvailability;
  if (Object.keys(set).length > 0) await db.updateTable('users').set({ ...set, updated_at: at }).where('id', '=', userId).execute();
  if (change.privacy) await setPrivacy(db, userId, change.privacy);
}

/** A user's professional fields as stored, or undefined. */
export async function readProfessional(db: Db, userId: number) {
  const r = await db.selectFrom('users').select(['headline', 'org_unit', 'languages', 'interests', 'ask_me_about', 'mentoring_availability']).where('id', '=', userId).executeTakeFirst();
  return r && { headline: r.headline, orgUnit: r.org_unit, languages: parseLanguages(r.languages), interests: r.interests, askMeAbout: r.ask_me_about, mentoringAvailability: r.mentoring_availability };
}
